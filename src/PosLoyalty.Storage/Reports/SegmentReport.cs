namespace PosLoyalty.Storage.Reports;

/// <summary>
/// The segment report. Revenue shares are of <see cref="MemberRevenue"/> (sales to enrolled customers
/// in the window); receipts nobody claimed are in <see cref="UnclaimedRevenue"/> and in the median
/// basket (they are the shop's baskets too) but in no group.
/// </summary>
public sealed record SegmentReport(
    SegmentThresholds Thresholds,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    DateTimeOffset FormerIfNotSeenSince,
    decimal MedianBasket,
    long BasketsInWindow,
    long Customers,
    decimal MemberRevenue,
    decimal UnclaimedRevenue,
    IReadOnlyList<SegmentGroup> Groups,
    IReadOnlyList<ParetoBand> Pareto);
