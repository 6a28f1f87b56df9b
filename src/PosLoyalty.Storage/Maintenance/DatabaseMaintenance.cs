using Microsoft.Data.Sqlite;
using PosLoyalty.Storage.Schema;

namespace PosLoyalty.Storage.Maintenance;

/// <summary>Online backup, checked restore and the database half of `doctor`.</summary>
public sealed class DatabaseMaintenance(LoyaltyDatabase database, TimeProvider time)
{
    /// <summary>
    /// Copies the live database with SQLite's online backup API (consistent while the till keeps
    /// selling; never a file copy) and checks the copy's integrity before calling it a backup.
    /// </summary>
    public void Backup(string destination)
    {
        var full = Path.GetFullPath(destination);
        if (File.Exists(full))
        {
            throw new StorageException($"backup file '{destination}' already exists: choose a new name");
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StorageException($"backup directory '{directory}' does not exist");
        }

        var partial = full + ".partial";
        File.Delete(partial);
        using (var source = database.OpenConnection())
        using (var target = OpenPlain(partial, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);
            Sql.Execute(target, null, "PRAGMA journal_mode = DELETE;");
            var check = IntegrityCheck(target);
            if (check != "ok")
            {
                throw new StorageException($"backup '{destination}' failed its integrity check ({check}); nothing was kept");
            }
        }

        SqliteConnection.ClearAllPools();
        File.Move(partial, full);
        using var c = database.OpenConnection();
        Sql.Execute(c, null, "INSERT INTO settings (key, value) VALUES ('last_backup_at', $at) ON CONFLICT (key) DO UPDATE SET value = $at", ("$at", Sql.Time(time.GetUtcNow())));
    }

    /// <summary>
    /// Replaces the live contents with a backup after checking it (integrity, and a schema this
    /// program knows). The current contents are kept first as a backup beside the database.
    /// Returns the path of that kept copy.
    /// </summary>
    public string Restore(string source)
    {
        var full = Path.GetFullPath(source);
        if (!File.Exists(full))
        {
            throw new NotFoundException($"backup file '{source}' does not exist");
        }

        using (var candidate = OpenPlain(full, SqliteOpenMode.ReadOnly))
        {
            string check;
            int version;
            try
            {
                check = IntegrityCheck(candidate);
                version = Migrations.ReadVersion(candidate);
            }
            catch (SqliteException ex)
            {
                throw new StorageException($"'{source}' is not a PosLoyalty backup: {ex.Message}", ex);
            }

            if (check != "ok")
            {
                throw new StorageException($"'{source}' failed its integrity check ({check}); nothing was replaced");
            }

            if (version is < 1 || version > Migrations.CurrentVersion
                || Sql.Scalar<long>(candidate, null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('customers', 'ledger', 'sales', 'coupons')") != 4)
            {
                throw new StorageException($"'{source}' is not a PosLoyalty backup this version can restore (schema version {version}, this program knows 1 to {Migrations.CurrentVersion})");
            }
        }

        var kept = $"{database.Path}.before-restore-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
        Backup(kept);
        using (var from = OpenPlain(full, SqliteOpenMode.ReadOnly))
        using (var live = database.OpenConnection())
        {
            from.BackupDatabase(live);
            Migrations.Apply(live);
        }

        return kept;
    }

    public HealthReport Check()
    {
        var problems = new List<string>();
        using var c = database.OpenConnection();
        var quick = LoyaltyDatabase.QuickCheck(c);
        if (quick != "ok")
        {
            problems.Add($"quick_check reports '{quick}': stop the service and restore the last good backup (posloyalty restore FILE)");
        }

        var mismatches = Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM customers c WHERE c.points_balance <> (SELECT COALESCE(SUM(delta), 0) FROM ledger l WHERE l.customer_id = c.id)");
        if (mismatches > 0)
        {
            problems.Add($"{mismatches} customer balances differ from their ledger: report this; the ledger is the truth");
        }

        var walBytes = File.Exists(database.Path + "-wal") ? new FileInfo(database.Path + "-wal").Length : 0;
        if (walBytes > 256L * 1024 * 1024)
        {
            problems.Add($"the WAL file is {walBytes / (1024 * 1024)} MiB: a reader is holding it open; restart the panel or CLI sessions");
        }

        var free = new DriveInfo(Path.GetPathRoot(database.Path) ?? "/").AvailableFreeSpace;
        try
        {
            free = new DriveInfo(Path.GetDirectoryName(database.Path)!).AvailableFreeSpace;
        }
        catch (ArgumentException)
        {
            // Not a mount point of its own: the root's figure stands.
        }

        if (free < 100L * 1024 * 1024)
        {
            problems.Add($"only {free / (1024 * 1024)} MiB free on the database's disk: free space before sales fail to save");
        }

        var lastBackup = Sql.Scalar<string>(c, null, "SELECT value FROM settings WHERE key = 'last_backup_at'");
        var lastBackupAt = lastBackup is null ? (DateTimeOffset?)null : Sql.ParseTime(lastBackup);
        if (lastBackupAt is null || time.GetUtcNow() - lastBackupAt > TimeSpan.FromDays(7))
        {
            problems.Add(lastBackupAt is null
                ? "no backup has been made: run 'posloyalty backup FILE' (and keep the file off this device)"
                : $"the last backup is from {lastBackupAt:yyyy-MM-dd}: make a new one");
        }

        return new HealthReport(
            database.Path,
            Migrations.ReadVersion(c),
            quick,
            new FileInfo(database.Path).Length,
            walBytes,
            free,
            Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM customers WHERE erased_at IS NULL AND merged_into IS NULL"),
            Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM sales"),
            Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM ledger"),
            mismatches,
            lastBackupAt,
            problems);
    }

    private static SqliteConnection OpenPlain(string path, SqliteOpenMode mode)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static string IntegrityCheck(SqliteConnection c) =>
        Sql.Scalar<string>(c, null, "PRAGMA integrity_check;") ?? "no answer";
}
