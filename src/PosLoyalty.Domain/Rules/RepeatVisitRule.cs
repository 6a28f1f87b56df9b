namespace PosLoyalty.Domain.Rules;

/// <summary>Bonus points for a visit within <see cref="WithinDays"/> of the last one; once a day at most.</summary>
public sealed record RepeatVisitRule
{
    public int WithinDays { get; init; } = 7;

    public long BonusPoints { get; init; }
}
