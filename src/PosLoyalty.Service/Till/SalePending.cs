using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Till;

/// <summary>
/// A sale waits for the cashier instead of being credited: the reader was unsure of it, or it is above
/// `Till:ConfirmSalesAbove`. Also published when a late scan gives a waiting sale its customer.
/// </summary>
public sealed record SalePending(DateTimeOffset At, PendingSaleView Sale) : TillEvent(At);
