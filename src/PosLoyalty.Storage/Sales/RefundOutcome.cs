using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Sales;

/// <summary>What a refund reversed; PointsChange is the signed change to the balance. Coupons already redeemed stay redeemed; what they cost stays spent.</summary>
public sealed record RefundOutcome(
    string TillId,
    string ReceiptNumber,
    CustomerId? CustomerId,
    bool Duplicate,
    Points PointsChange,
    Points PointsBalance,
    IReadOnlyList<string> CouponsVoided);
