using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Till;

/// <summary>A sale committed for a customer: what it earned, and the coupons to print.</summary>
public sealed record SaleRecorded(DateTimeOffset At, SaleOutcome Outcome) : TillEvent(At);
