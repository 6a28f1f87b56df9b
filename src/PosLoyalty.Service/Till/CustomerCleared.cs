namespace PosLoyalty.Service.Till;

/// <summary>No customer is at the counter any more: the cashier cleared it, or the timeout passed.</summary>
public sealed record CustomerCleared(DateTimeOffset At, string Reason) : TillEvent(At);
