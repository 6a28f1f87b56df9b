using System.Globalization;

namespace PosLoyalty.Storage.Outbox;

/// <summary>The push side of the outbox: what is waiting, in this till's order, and marking what PostgreSQL holds.</summary>
public sealed class ChainOutbox(LoyaltyDatabase database)
{
    private const string LastPushKey = "chain.last_push_at";
    private const string LastPullKey = "chain.last_pull_at";

    /// <summary>The oldest events not yet pushed, in seq order.</summary>
    public IReadOnlyList<OutboxEvent> ReadUnpushed(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var c = database.OpenConnection();
        using var cmd = Sql.Command(c, null, "SELECT seq, event_id, kind, customer, payload, at FROM chain_outbox WHERE pushed_at IS NULL ORDER BY seq LIMIT $n", ("$n", limit));
        using var r = cmd.ExecuteReader();
        var events = new List<OutboxEvent>();
        while (r.Read())
        {
            events.Add(new OutboxEvent(
                r.GetInt64(0),
                Guid.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                r.GetString(2),
                r.IsDBNull(3) ? null : Guid.Parse(r.GetString(3), CultureInfo.InvariantCulture),
                r.IsDBNull(4) ? "{}" : r.GetString(4),
                Sql.ParseTime(r.GetString(5))));
        }

        return events;
    }

    /// <summary>
    /// Marks events up to and including <paramref name="lastSeq"/> as held by PostgreSQL and drops their payloads:
    /// the chain keeps them from now on, and the file does not carry a second copy of a customer's details.
    /// </summary>
    public void MarkPushed(long lastSeq, DateTimeOffset at)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        Sql.Execute(c, tx, "UPDATE chain_outbox SET pushed_at = $at, payload = NULL WHERE seq <= $seq AND pushed_at IS NULL", ("$at", Sql.Time(at)), ("$seq", lastSeq));
        SetState(c, tx, LastPushKey, at);
        tx.Commit();
    }

    /// <summary>
    /// Coupons this till redeemed while offline that PostgreSQL already held for another till: kept as conflicts for
    /// review (<see cref="Coupons.CouponConflicts"/>), one per code (recording one again changes nothing, and one
    /// already acknowledged stays so). The redemption events stay pushed as they are.
    /// </summary>
    public void RecordCouponConflicts(IReadOnlyCollection<(string Code, string HolderTill)> conflicts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0)
        {
            return;
        }

        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var now = Sql.Time(at);
        foreach (var (code, holder) in conflicts)
        {
            Sql.Execute(c, tx, "INSERT INTO coupon_conflicts (code, holder_till, found_at) VALUES ($code, $holder, $at) ON CONFLICT (code) DO NOTHING", ("$code", code), ("$holder", holder), ("$at", now));
        }

        tx.Commit();
    }

    /// <summary>Records when the chain last took a push and answered a pull, for `chain status`.</summary>
    public void RecordSync(DateTimeOffset pushedAt, DateTimeOffset pulledAt)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        SetState(c, tx, LastPushKey, pushedAt);
        SetState(c, tx, LastPullKey, pulledAt);
        tx.Commit();
    }

    /// <summary>
    /// Whether anything waits to be pushed, read once the commit that changed the file has finished. A change to the
    /// file (the sync service watches its WAL) is seen while the writer is still inside its commit: the frames are in
    /// the WAL, but until the writer updates the WAL index and lets go of the write lock, a reader's snapshot does not
    /// hold them, and a plain read finds nothing. Reading under the write lock (BEGIN IMMEDIATE waits for it, up to
    /// the busy timeout) sees that commit. Nothing is written, so the read itself changes nothing a watcher sees.
    /// </summary>
    public bool HasUnpushedOnceCommitted()
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var any = Sql.Scalar<long>(c, tx, "SELECT EXISTS (SELECT 1 FROM chain_outbox WHERE pushed_at IS NULL)") != 0;
        tx.Rollback();
        return any;
    }

    public ChainSyncState ReadState()
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var depth = Sql.Scalar<long>(c, tx, "SELECT COUNT(*) FROM chain_outbox WHERE pushed_at IS NULL");
        var oldest = Sql.Scalar<string>(c, tx, "SELECT MIN(at) FROM chain_outbox WHERE pushed_at IS NULL");
        var waiting = Sql.Scalar<long>(c, tx, "SELECT COUNT(*) FROM chain_pulled WHERE applied_at IS NULL");
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (waiting > 0)
        {
            using var cmd = Sql.Command(c, tx, "SELECT COALESCE(problem, 'not tried yet'), COUNT(*) FROM chain_pulled WHERE applied_at IS NULL GROUP BY 1");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                reasons[r.GetString(0)] = r.GetInt64(1);
            }
        }

        var conflicts = ChainConflicts.Read(c, tx).Count;
        var state = new ChainSyncState(depth, oldest is null ? null : Sql.ParseTime(oldest), ReadState(c, tx, LastPushKey), ReadState(c, tx, LastPullKey), waiting, reasons, conflicts);
        tx.Commit();
        return state;
    }

    private static void SetState(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction? tx, string key, DateTimeOffset at) =>
        Sql.Execute(c, tx, "INSERT INTO chain_state (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$k", key), ("$v", Sql.Time(at)));

    private static DateTimeOffset? ReadState(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction tx, string key) =>
        Sql.Scalar<string>(c, tx, "SELECT value FROM chain_state WHERE key = $k", ("$k", key)) is { } v ? Sql.ParseTime(v) : null;
}
