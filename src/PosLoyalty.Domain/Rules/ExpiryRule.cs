namespace PosLoyalty.Domain.Rules;

/// <summary>Points lapse after this many months without a visit; the lapse is a ledger row.</summary>
public sealed record ExpiryRule
{
    public int MonthsWithoutVisit { get; init; } = 12;
}
