namespace PosLoyalty.Service.Till;

/// <summary>A sale with no customer at the counter: kept, so a card scanned in the late-scan window can claim it.</summary>
public sealed record UnclaimedSaleRecorded(DateTimeOffset At, string ReceiptNumber, decimal Total) : TillEvent(At);
