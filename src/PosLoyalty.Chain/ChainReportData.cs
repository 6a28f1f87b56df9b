using Microsoft.Data.Sqlite;
using Npgsql;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>
/// The whole chain's history for the owner's reports (`report … --chain`): every till's events from PostgreSQL,
/// this till's too, applied by the tills' own pull code into a private SQLite file, on which the very report classes
/// of a till's own file run. So a chain report has the shapes of the local one, and counts what a till that had
/// pulled every till's events would count (docs/adr/0018-erasure-on-postgresql-by-trigger.md). The file lives under /dev/shm when there is one (memory,
/// not the disk: it holds the customers' details), in a directory only this user may enter, and is deleted on Dispose.
/// </summary>
public sealed class ChainReportData : IDisposable
{
    private readonly DirectoryInfo directory;

    private ChainReportData(DirectoryInfo directory, LoyaltyDatabase database)
    {
        this.directory = directory;
        Database = database;
    }

    /// <summary>The chain's history as one till's file: what the report classes run on.</summary>
    public LoyaltyDatabase Database { get; }

    /// <summary>Reads every event of every till of every shop on the chain, as far as each till's events are committed without a gap.</summary>
    public static async Task<ChainReportData> LoadAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var directory = CreatePrivateDirectory();
        try
        {
            var database = LoyaltyDatabase.Open(Path.Combine(directory.FullName, "chain.db"));

            // A store that is no till (Till:Id is never empty), so the pull excludes nobody; the file's outbox stays
            // empty (applying writes no events), so the round pushes nothing.
            var store = new ChainStore(dataSource, shopId: string.Empty, tillId: string.Empty);
            await new ChainSync(store, new ChainOutbox(database), new ChainInbox(database, time), time).RunOnceAsync(cancellationToken);
            return new ChainReportData(directory, database);
        }
        catch
        {
            Delete(directory);
            throw;
        }
    }

    public void Dispose() => Delete(directory);

    private static DirectoryInfo CreatePrivateDirectory()
    {
        const string memory = "/dev/shm";
        if (!OperatingSystem.IsWindows() && Directory.Exists(memory))
        {
            var path = Path.Combine(memory, "posloyalty-chain-report-" + Guid.NewGuid().ToString("N"));
            return Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return Directory.CreateTempSubdirectory("posloyalty-chain-report-"); // mode 700
    }

    private static void Delete(DirectoryInfo directory)
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
