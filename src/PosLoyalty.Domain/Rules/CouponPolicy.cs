namespace PosLoyalty.Domain.Rules;

public sealed record CouponPolicy
{
    /// <summary>Days a printed coupon stays valid.</summary>
    public int ValidDays { get; init; } = 90;
}
