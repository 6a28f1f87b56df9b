using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Storage.Customers;

/// <summary>A customer with everything the counter and `customers show` need.</summary>
public sealed record CustomerProfile(
    Customer Customer,
    IReadOnlyList<CardRecord> Cards,
    IReadOnlyList<CustomerNote> Notes,
    Points Balance,
    int Visits,
    decimal TotalSpend,
    DateTimeOffset? LastVisitAt,
    TierStatus Tier,
    IReadOnlyList<StampCardView> Stamps,
    IReadOnlyList<CouponView> Coupons);
