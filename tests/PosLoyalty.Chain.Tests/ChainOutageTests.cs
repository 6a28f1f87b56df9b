using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit.Abstractions;

namespace PosLoyalty.Chain.Tests;

/// <summary>
/// The chain's acceptance under failure, with real `posloyalty` processes and a PostgreSQL of the test's own that it
/// stops and starts: an outage during a thousand sales, and a till killed with SIGKILL mid-sync fifty times.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ChainOutageTests(ITestOutputHelper output)
{
    // Deadlines that only catch a hang: how fast the chain recovers is a figure in BENCHMARKS.md, not an assertion.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(5);

    [PostgresClusterFact]
    public async Task A_thousand_sales_while_postgresql_is_stopped_reach_it_and_every_till_once_each_after_it_restarts()
    {
        using var cluster = PostgresCluster.StartPrivate();
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        string[] ids = ["till-a", "till-b", "till-c"];
        var tills = ids.Select(id => new TillProcess(id, db.CreateTillLogin(id))).ToList();
        var services = new List<Process>();
        try
        {
            foreach (var till in tills)
            {
                till.Json("customers", "add", "--card", Card(till.TillId), "--name", "Regular of " + till.TillId);
            }

            var files = tills.Select(t => new TillFile(t.TillId, t.DatabasePath)).ToList();
            services.AddRange(tills.Select(t => t.StartService()));
            await UntilAsync(() => files.All(f => f.Customers() == tills.Count), "every till knows the three customers before the outage");

            cluster.Stop();
            var outage = Stopwatch.StartNew();
            var expected = ids.ToDictionary(id => id, _ => (Count: 0L, TotalE4: 0L));
            for (var i = 0; i < 1000; i++)
            {
                var file = files[i % files.Count];
                var totalE4 = 10_000L + (i % 97 * 1_250L); // 1.00 to 121.00, so a sale counted twice or lost shows in the sum
                file.Sell(Card(file.TillId), string.Create(CultureInfo.InvariantCulture, $"OUT-{i}"), totalE4);
                expected[file.TillId] = (expected[file.TillId].Count + 1, expected[file.TillId].TotalE4 + totalE4);
            }

            Assert.All(files, f => Assert.True(f.OutboxDepth() >= 333, "the premise: the sales wait in the outbox while PostgreSQL is away"));
            // Not a bound on anything: PostgreSQL stays away for the rest of the hold asked for (none by default).
            var rest = OutageHold() - outage.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }

            var restarted = Stopwatch.StartNew();
            cluster.Start();
            output.WriteLine($"PostgreSQL was stopped for {outage.Elapsed.TotalSeconds:F1} s");

            await UntilAsync(() => Agree(db, files, expected), "every till and PostgreSQL hold the thousand sales", state: () => State(db, files, ids) + "\n" + string.Join("\n", tills.Select(t => t.Printed[^Math.Min(t.Printed.Length, 2000)..])));
            output.WriteLine($"every till and PostgreSQL agreed {restarted.Elapsed.TotalSeconds:F1} s after PostgreSQL restarted");

            foreach (var id in ids)
            {
                Assert.Equal(expected[id], ChainSales(db, id));
                Assert.All(files, f => Assert.Equal(expected[id], f.SalesOf(id)));
            }

            Assert.Equal(1000, db.Scalar("SELECT count(DISTINCT event_id) FROM events WHERE kind = 'sale-recorded'"));
            Assert.All(files, f => Assert.Equal(0, f.OutboxDepth()));
            Assert.All(tills, t => Assert.Contains("Chain sync failed (PostgreSQL unreachable: ", t.Printed, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var service in services)
            {
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
                service.Dispose();
            }

            tills.ForEach(t => t.Dispose());
        }
    }

    [PostgresClusterFact]
    public async Task A_till_killed_with_sigkill_mid_sync_fifty_times_leaves_each_event_in_postgresql_exactly_once()
    {
        using var cluster = PostgresCluster.StartPrivate();
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var till = new TillProcess("till-a", db.CreateTillLogin("till-a"));
        till.Json("customers", "add", "--card", Card("till-a"), "--name", "Regular");
        var file = new TillFile("till-a", till.DatabasePath);
        var receipts = 0;
        Sell(file, 5_000, ref receipts);

        var killedMidSync = 0;
        for (var round = 0; round < 50; round++)
        {
            Sell(file, 200, ref receipts);
            var before = db.Scalar("SELECT count(*) FROM events");
            using var service = till.StartService();
            try
            {
                // Kill the moment PostgreSQL has taken part of the outbox: between batches, or inside one.
                await UntilAsync(() => db.Scalar("SELECT count(*) FROM events") > before || service.HasExited, "the till starts pushing", TimeSpan.FromMilliseconds(20));
                Assert.False(service.HasExited, $"round {round}: the till exited by itself\n{till.Printed}");
                if (file.OutboxDepth() > 0)
                {
                    killedMidSync++;
                }
            }
            finally
            {
                service.Kill(); // SIGKILL on Linux: no shutdown, no flush
                await service.WaitForExitAsync();
            }

            Assert.Equal(137, service.ExitCode);
        }

        var last = till.Json("chain", "sync");
        output.WriteLine($"{receipts} sales; {killedMidSync} of 50 kills left events in the outbox; the last sync pushed {last.GetProperty("pushed").GetInt32()}");

        // Every event the till wrote (the enrolment, each sale, and the coupons its stamps filled), each once.
        var written = file.OutboxEventIds();
        Assert.True(written.Count > receipts, $"the premise: the outbox holds the enrolment and every sale ({written.Count} events, {receipts} sales)");
        Assert.Equal(written.Count, db.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(written.Count, db.Scalar("SELECT max(seq) FROM events")); // seq 1..N, none missing
        Assert.Equal(written.Order(), ChainEventIds(db).Order());
        Assert.Equal(receipts, db.Scalar("SELECT count(*) FROM events WHERE kind = 'sale-recorded'"));
        Assert.Equal(receipts, db.Scalar("SELECT count(DISTINCT payload->>'receipt') FROM events WHERE kind = 'sale-recorded'"));
        Assert.Equal(0, file.OutboxDepth());
        // Every kill lands once PostgreSQL has taken part of this round (the window where a push has committed but
        // the till has not yet marked it). The first rounds, with thousands waiting, are sure to leave some behind too.
        Assert.True(killedMidSync >= 1, $"the premise: kills land while the outbox still holds events ({killedMidSync} of 50)");
        Assert.Equal(0, till.Json("chain", "status").GetProperty("outbox").GetInt64());
    }

    /// <summary>
    /// How long PostgreSQL stays away at least: by default only while the thousand sales are made (a few seconds, so
    /// the tills' retry delay is still short); POSLOYALTY_OUTAGE_SECONDS=60 holds it longer, for the figure after an
    /// outage long enough that every till's delay has grown to Chain:MaxRetryDelay (BENCHMARKS.md).
    /// </summary>
    private static TimeSpan OutageHold()
    {
        var text = Environment.GetEnvironmentVariable("POSLOYALTY_OUTAGE_SECONDS");
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.Zero;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"POSLOYALTY_OUTAGE_SECONDS: '{text}' is not a whole number of seconds from 0 to 3600");
    }

    private static string Card(string tillId) => "CARD" + tillId[^1..].ToUpperInvariant() + "001";

    private static void Sell(TillFile file, int count, ref int receipts)
    {
        for (var i = 0; i < count; i++)
        {
            receipts++;
            file.Sell(Card(file.TillId), string.Create(CultureInfo.InvariantCulture, $"K-{receipts}"), 10_000L + (receipts % 50 * 100L));
        }
    }

    private static bool Agree(ChainDatabase db, IReadOnlyList<TillFile> files, IReadOnlyDictionary<string, (long Count, long TotalE4)> expected) =>
        expected.All(e => ChainSales(db, e.Key) == e.Value && files.All(f => f.SalesOf(e.Key) == e.Value))
        && files.All(f => f.OutboxDepth() == 0);

    private static List<Guid> ChainEventIds(ChainDatabase db)
    {
        using var c = new NpgsqlConnection(db.AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT event_id FROM events", c);
        using var r = cmd.ExecuteReader();
        var ids = new List<Guid>();
        while (r.Read())
        {
            ids.Add(r.GetGuid(0));
        }

        return ids;
    }

    private static (long Count, long TotalE4) ChainSales(ChainDatabase db, string tillId)
    {
        try
        {
            using var c = new NpgsqlConnection(db.AdminConnectionString);
            c.Open();
            using var cmd = new NpgsqlCommand("SELECT count(*), coalesce(sum((payload->>'totalE4')::bigint), 0) FROM events WHERE kind = 'sale-recorded' AND till_id = $1", c) { Parameters = { new() { Value = tillId } } };
            using var r = cmd.ExecuteReader();
            r.Read();
            return (r.GetInt64(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture));
        }
        catch (NpgsqlException)
        {
            return (-1, -1); // still starting up
        }
    }

    private static string State(ChainDatabase db, IReadOnlyList<TillFile> files, IReadOnlyList<string> ids) =>
        string.Join("; ", ids.Select(id => $"PostgreSQL {id}: {ChainSales(db, id)}"))
        + "; " + string.Join("; ", files.Select(f => $"file {f.TillId}: outbox {f.OutboxDepth()}, " + string.Join(", ", ids.Select(id => $"{id} {f.SalesOf(id)}"))));

    private static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? poll = null, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + Hang;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true within {Hang}: {what}. {state?.Invoke()}");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
