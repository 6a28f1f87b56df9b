namespace PosLoyalty.Domain.Rules;

/// <summary>A reward for coming back after at least <see cref="AfterDays"/> days away.</summary>
public sealed record WelcomeBackRule
{
    public int AfterDays { get; init; } = 60;

    public long BonusPoints { get; init; }

    public CouponReward? Coupon { get; init; }
}
