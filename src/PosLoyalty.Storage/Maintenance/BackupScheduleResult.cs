namespace PosLoyalty.Storage.Maintenance;

/// <summary>What one <see cref="BackupSchedule.RunIfDue"/> did: the backup it made (null when none was due) and the old ones it removed.</summary>
public sealed record BackupScheduleResult(string? Created, IReadOnlyList<string> Deleted, DateTimeOffset? LastBackupAt);
