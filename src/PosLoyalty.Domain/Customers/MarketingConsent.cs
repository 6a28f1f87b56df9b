namespace PosLoyalty.Domain.Customers;

/// <summary>Whether the customer agreed to be contacted, and when that last changed.</summary>
public sealed record MarketingConsent(bool Given, DateTimeOffset? ChangedAt)
{
    public static MarketingConsent None { get; } = new(false, null);
}
