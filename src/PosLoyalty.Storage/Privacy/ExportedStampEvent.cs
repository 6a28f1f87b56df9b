namespace PosLoyalty.Storage.Privacy;

public sealed record ExportedStampEvent(DateTimeOffset At, string Program, long Delta, string Reason);
