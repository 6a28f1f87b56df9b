using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Till;

/// <summary>A refund or void reversed what its sale earned.</summary>
public sealed record RefundRecorded(DateTimeOffset At, RefundOutcome Outcome) : TillEvent(At);
