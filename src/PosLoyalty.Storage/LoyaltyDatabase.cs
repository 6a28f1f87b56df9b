using Microsoft.Data.Sqlite;
using PosLoyalty.Storage.Schema;

namespace PosLoyalty.Storage;

/// <summary>
/// The SQLite file. Every connection it opens is in WAL mode with synchronous=FULL (a commit is
/// on disk before it returns), foreign keys on, secure_delete on (erased data is overwritten, not
/// just unlinked) and a busy timeout, so the CLI can work on the live file while the service runs.
/// </summary>
public sealed class LoyaltyDatabase
{
    // wal_autocheckpoint is raised from SQLite's 1000 pages so the sale that crosses the line does
    // not pay for copying the WAL back (it set the p99 of a durable sale: BENCHMARKS.md). It stays a
    // safety net; callers checkpoint when idle with Checkpoint().
    private const string ConnectionPragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 10000;";

    private readonly string connectionString;

    private LoyaltyDatabase(string path)
    {
        Path = path;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Files up to this size are quick_checked at every CLI open; bigger ones by doctor and the service.</summary>
    public const long QuickCheckAtOpenMaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Opens (creating when asked) the file, brings the schema up to date and, unless deferred, runs quick_check.
    /// A damaged file stops here, before anything is written to it.
    /// </summary>
    public static LoyaltyDatabase Open(string path, bool createIfMissing = true, OpenCheck check = OpenCheck.QuickCheck)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StorageException($"database '{path}': directory '{directory}' does not exist; create it or pass --db PATH");
        }

        if (!createIfMissing && !File.Exists(full))
        {
            throw new StorageException($"database '{path}' does not exist");
        }

        var db = new LoyaltyDatabase(full);
        try
        {
            using var connection = db.OpenConnection();
            if (check == OpenCheck.QuickCheck)
            {
                var result = QuickCheck(connection);
                if (result != "ok")
                {
                    throw new StorageException($"database '{path}' failed quick_check ({result}); restore a backup (posloyalty restore FILE)");
                }
            }

            Migrations.Apply(connection);
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"database '{path}' cannot be opened: {ex.Message}", ex);
        }

        return db;
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = ConnectionPragmas;
        cmd.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Copies committed WAL pages back into the database file without waiting for readers
    /// (PASSIVE). For idle moments: after a CLI command, between customers at the till.
    /// </summary>
    public void Checkpoint()
    {
        using var connection = OpenConnection();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        cmd.ExecuteNonQuery();
    }

    /// <summary>The check a deferred open left for later: "ok", or the first problems quick_check found.</summary>
    public string QuickCheckNow()
    {
        using var connection = OpenConnection();
        return QuickCheck(connection);
    }

    /// <summary>The open check for a file of this size: quick_check when it is small enough to be quick.</summary>
    public static OpenCheck CheckFor(string path)
    {
        var info = new FileInfo(System.IO.Path.GetFullPath(path));
        return info.Exists && info.Length > QuickCheckAtOpenMaxBytes ? OpenCheck.Deferred : OpenCheck.QuickCheck;
    }

    public static string QuickCheck(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA quick_check;";
        var lines = new List<string>();
        try
        {
            using var reader = cmd.ExecuteReader();
            while (reader.Read() && lines.Count < 5)
            {
                lines.Add(reader.GetString(0));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT / SQLITE_NOTADB: a page so damaged that the check itself cannot read past it.
            lines.Add($"{ex.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal)}");
        }

        return string.Join("; ", lines);
    }
}
