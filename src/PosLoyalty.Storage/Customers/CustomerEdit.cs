using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

/// <summary>Changes to a profile; a null field is left as it is, <see cref="Clear"/> names fields to empty.</summary>
public sealed record CustomerEdit
{
    public string? Name { get; init; }

    public string? Greeting { get; init; }

    public MonthDay? Birthday { get; init; }

    public MonthDay? Anniversary { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public bool? MarketingConsent { get; init; }

    /// <summary>Fields to empty: greeting, birthday, anniversary, phone, email.</summary>
    public IReadOnlySet<string> Clear { get; init; } = new HashSet<string>();
}
