namespace PosLoyalty.Storage.Reports;

/// <summary>
/// What the scheme owes, in the shop currency: outstanding points valued at the rules' conversion rate
/// (<see cref="ValuePerPoint"/>, null when the rules turn no points into money) plus the face value of
/// live coupons (unredeemed, unexpired, not voided). Coupons with no money value (a free coffee) are counted, not valued.
/// </summary>
public sealed record Liability(
    string Currency,
    long OutstandingPoints,
    decimal? ValuePerPoint,
    decimal PointsValue,
    long LiveCoupons,
    decimal CouponsValue,
    long LiveCouponsWithoutValue,
    decimal Total);
