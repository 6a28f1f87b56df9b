using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Till;

/// <summary>The cashier confirmed or dropped a waiting sale (a confirm that credited is followed by its <see cref="SaleRecorded"/>).</summary>
public sealed record PendingSaleDecided(DateTimeOffset At, PendingDecision Decision) : TillEvent(At);
