using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Storage.Sales;

/// <summary>What a sale did, once committed. A replayed receipt reports Duplicate and earns nothing.</summary>
/// <param name="GreetingName">How the customer likes to be greeted, read in the sale's transaction, so the coupon printed
/// at the cut needs no second read of the customer; null for a replay.</param>
public sealed record SaleOutcome(
    string TillId,
    string ReceiptNumber,
    CustomerId CustomerId,
    bool Duplicate,
    Points PointsEarned,
    Points PointsBalance,
    IReadOnlyList<StampCardView> Stamps,
    IReadOnlyList<CouponView> CouponsIssued,
    TierStatus Tier,
    IReadOnlyList<PointsEntry> Entries,
    string? GreetingName);
