using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

/// <summary>What enrolment asks for: a card and a name; the rest only if the customer wants.</summary>
public sealed record NewCustomer(
    CardNumber Card,
    string Name,
    string? Greeting = null,
    MonthDay? Birthday = null,
    MonthDay? Anniversary = null,
    string? Phone = null,
    string? Email = null,
    bool MarketingConsent = false,
    CardNumber? ReferredByCard = null);
