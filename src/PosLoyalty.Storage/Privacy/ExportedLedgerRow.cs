namespace PosLoyalty.Storage.Privacy;

public sealed record ExportedLedgerRow(DateTimeOffset At, long Delta, string Reason, string? ReceiptNumber);
