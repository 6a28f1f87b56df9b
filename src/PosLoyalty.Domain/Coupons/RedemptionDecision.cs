namespace PosLoyalty.Domain.Coupons;

/// <summary>Redeem in the till's own file, or refuse with a reason the cashier reads (it never holds a customer's details).</summary>
public sealed record RedemptionDecision(bool Redeem, string? Refusal)
{
    public static RedemptionDecision Allow { get; } = new(true, null);

    public static RedemptionDecision Refuse(string reason) => new(false, reason);
}
