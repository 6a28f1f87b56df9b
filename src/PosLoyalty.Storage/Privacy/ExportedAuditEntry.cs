namespace PosLoyalty.Storage.Privacy;

public sealed record ExportedAuditEntry(DateTimeOffset At, string Action, string Detail, bool Allowed);
