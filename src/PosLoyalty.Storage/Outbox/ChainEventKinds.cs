namespace PosLoyalty.Storage.Outbox;

/// <summary>The kinds of change a till records in its outbox: the names PostgreSQL's events.kind holds.</summary>
public static class ChainEventKinds
{
    public const string CustomerEnrolled = "customer-enrolled";
    public const string CardReplaced = "card-replaced";
    public const string CustomerEdited = "customer-edited";
    public const string NoteAdded = "note-added";
    public const string SaleRecorded = "sale-recorded";
    public const string SaleRefunded = "sale-refunded";
    public const string CouponIssued = "coupon-issued";
    public const string CouponRedeemed = "coupon-redeemed";
    public const string CouponVoided = "coupon-voided";
    public const string PointsAdjusted = "points-adjusted";
    public const string CustomersMerged = "customers-merged";
    public const string CustomerErased = "customer-erased";
}
