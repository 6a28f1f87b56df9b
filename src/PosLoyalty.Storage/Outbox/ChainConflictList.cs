using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Storage.Outbox;

/// <summary>The conflicts left for review at this till: cards two customers claimed, and coupons redeemed twice.</summary>
public sealed record ChainConflictList(IReadOnlyList<ChainCardConflict> Cards, IReadOnlyList<CouponConflict> Coupons)
{
    public int Count => Cards.Count + Coupons.Count;
}
