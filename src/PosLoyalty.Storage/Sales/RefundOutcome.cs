using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Sales;

/// <summary>What a refund reversed. Coupons already redeemed stay redeemed; what they cost stays spent.</summary>
public sealed record RefundOutcome(
    string TillId,
    string ReceiptNumber,
    CustomerId? CustomerId,
    bool Duplicate,
    Points PointsReversed,
    Points PointsBalance,
    IReadOnlyList<string> CouponsVoided);
