using System.Globalization;

namespace PosLoyalty.Storage.Maintenance;

/// <summary>
/// The daily automatic backup: when the last backup (settings key <c>last_backup_at</c>, written by
/// every <see cref="DatabaseMaintenance.Backup"/>, manual ones included) is at least a day old, make
/// one named by the UTC date in <paramref name="directory"/>, then keep only the newest
/// <paramref name="retention"/> of the files this schedule names. The service decides when to call it.
/// </summary>
public sealed class BackupSchedule
{
    public const string FilePrefix = "posloyalty-";

    public const string FileSuffix = ".db";

    public static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    private readonly LoyaltyDatabase database;
    private readonly string directory;
    private readonly int retention;
    private readonly TimeProvider time;

    public BackupSchedule(LoyaltyDatabase database, string directory, int retention, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(time);
        if (retention < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "keep at least one backup");
        }

        this.database = database;
        this.directory = Path.GetFullPath(directory);
        this.retention = retention;
        this.time = time;
    }

    /// <summary>Where this schedule writes its backups.</summary>
    public string Directory => directory;

    public BackupScheduleResult RunIfDue()
    {
        var now = time.GetUtcNow();
        var last = LastBackupAt();
        string? created = null;
        if (last is null || now - last.Value >= Interval)
        {
            System.IO.Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, FilePrefix + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + FileSuffix);
            if (File.Exists(path))
            {
                // A clock set back, or a second run on the same UTC day after a restore: keep both.
                path = Path.Combine(directory, FilePrefix + now.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + FileSuffix);
            }

            new DatabaseMaintenance(database, time).Backup(path);
            created = path;
            last = now;
        }

        return new BackupScheduleResult(created, Prune(), last);
    }

    private DateTimeOffset? LastBackupAt()
    {
        using var c = database.OpenConnection();
        var text = Sql.Scalar<string>(c, null, "SELECT value FROM settings WHERE key = 'last_backup_at'");
        return text is null ? null : Sql.ParseTime(text);
    }

    /// <summary>Names start with the UTC date, so name order is age order; only this schedule's files are touched.</summary>
    private List<string> Prune()
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return [];
        }

        var ours = System.IO.Directory.GetFiles(directory, FilePrefix + "*" + FileSuffix)
            .Where(f => Path.GetFileName(f).Length > FilePrefix.Length + 10 && DateOnly.TryParseExact(Path.GetFileName(f).Substring(FilePrefix.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        var deleted = new List<string>();
        foreach (var old in ours.Skip(retention))
        {
            File.Delete(old);
            deleted.Add(old);
        }

        return deleted;
    }
}
