namespace PosLoyalty.Domain.Rules;

/// <summary>A tier reached by spend over the last 12 months; it multiplies purchase points.</summary>
public sealed record TierRule
{
    public string Name { get; init; } = string.Empty;

    public decimal MinSpend12Months { get; init; }

    public decimal Multiplier { get; init; } = 1m;
}
