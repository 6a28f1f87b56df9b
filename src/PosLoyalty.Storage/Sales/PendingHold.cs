namespace PosLoyalty.Storage.Sales;

/// <summary>The outcome of holding a sale for the cashier; <see cref="Sale"/> is the pending row, when there is one.</summary>
public sealed record PendingHold(PendingHoldResult Result, PendingSaleView? Sale);
