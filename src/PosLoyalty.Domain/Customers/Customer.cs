using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Customers;

/// <summary>
/// What the shop keeps about a person. A name is enough; everything else is optional and asked
/// for only when the customer wants it (docs/architecture.md, "Rules that keep data safe": ask little).
/// </summary>
public sealed record Customer
{
    public const int MaxNameLength = 100;

    public required CustomerId Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>How they like to be addressed ("Mr Rossi"); the display name when not given.</summary>
    public string? Greeting { get; init; }

    public MonthDay? Birthday { get; init; }

    public MonthDay? Anniversary { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public MarketingConsent Consent { get; init; } = MarketingConsent.None;

    public CustomerId? ReferredBy { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    public string GreetingOrName => string.IsNullOrWhiteSpace(Greeting) ? DisplayName : Greeting;
}
