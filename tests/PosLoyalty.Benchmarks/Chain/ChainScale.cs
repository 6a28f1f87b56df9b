using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using PosLoyalty.Chain;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;
using PosLoyalty.Testing;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>
/// <c>--chain-scale</c>: N simulated tills (default 50), each its own SQLite file and the product's own sync service
/// in this process, against one private PostgreSQL, at R sales per second in total (default 20, spread round-robin
/// over the tills) for S seconds (default 300). Sync lag of a sale: from its commit at the till (the event's
/// occurred_at) to the start of the push transaction that stored it in PostgreSQL (received_at, now() of that
/// transaction), the lag `chain status` reports; and, after the outboxes drain, how many of the sales one observing
/// till has pulled into its own file, and their lag from the commit at their till to the apply in the observer's file
/// (push, the observer's next pull, and its apply). Target: push lag p99 ≤ 2 s.
/// </summary>
internal static class ChainScale
{
    public const double TargetP99Seconds = 2.0;

    public static int Run(int tillCount, int salesPerSecond, int seconds, LoyaltyRules rules)
    {
        using var cluster = PostgresCluster.StartPrivate();
        var admin = cluster.CreateDatabase();
        using (var ds = ChainConnection.Open(admin))
        {
            ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None).GetAwaiter().GetResult();
        }

        Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: PostgreSQL {ServerVersion(admin)}; {tillCount} tills, {salesPerSecond} sales/s for {seconds} s"));
        var root = Directory.CreateTempSubdirectory("posloyalty-chain-scale-");
        var tills = new List<(string Id, LoyaltyDatabase Database, SaleRecorder Recorder, CustomerId Customer, BenchChainTill Sync)>();
        try
        {
            for (var t = 0; t < tillCount; t++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"till-{t:D2}");
                // Each till's file in its own directory, as on its own machine: the sync service watches its file's
                // directory, and fifty files in one would give every till's watcher the other 49 tills' writes.
                var database = LoyaltyDatabase.Open(Path.Combine(root.CreateSubdirectory(id).FullName, "loyalty.db"));
                var customer = new CustomerRepository(database, rules, TimeProvider.System).Enrol(new NewCustomer(CardNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"SCALE{t:D4}")), "Regular " + id));
                var connectionString = BenchTillLogin.Create(admin, "till_scale_" + t.ToString(CultureInfo.InvariantCulture), "scale-shop", id);
                var sync = BenchChainTill.StartAsync(database, connectionString, "scale-shop", id).GetAwaiter().GetResult();
                tills.Add((id, database, new SaleRecorder(database, rules, TimeProvider.System), customer, sync));
            }

            var observer = tills[0];
            var interval = TimeSpan.FromSeconds(1.0 / salesPerSecond);
            var total = salesPerSecond * seconds;
            var clock = Stopwatch.StartNew();
            var behindMax = TimeSpan.Zero;
            for (var i = 0; i < total; i++)
            {
                // Sales on an absolute schedule: a slow commit delays the next, it does not lower the rate.
                var due = interval * i;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }
                else if (-wait > behindMax)
                {
                    behindMax = -wait;
                }

                var till = tills[i % tills.Count];
                var sale = Sale.Create(till.Id, string.Create(CultureInfo.InvariantCulture, $"S-{i}"), new Money(5.30m, rules.ShopCurrency), TimeProvider.System.GetUtcNow(), []);
                till.Recorder.Apply(till.Customer, sale, SaleRecording.Receipt(null, printCoupons: false));
                if (i % (salesPerSecond * 30) == 0)
                {
                    Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: {i} sales, {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }

            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: {total} sales made in {clock.Elapsed.TotalSeconds:F1} s (at most {behindMax.TotalMilliseconds:F0} ms behind schedule); waiting for every outbox to empty"));
            var drain = Stopwatch.StartNew();
            while (tills.Any(t => t.Sync.Outbox.ReadState().OutboxDepth > 0) && drain.Elapsed < TimeSpan.FromMinutes(5))
            {
                Thread.Sleep(200);
            }

            var pushed = Lag(admin, "SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY l), percentile_disc(0.99) WITHIN GROUP (ORDER BY l), max(l) FROM (SELECT extract(epoch FROM received_at - occurred_at)::float8 AS l FROM events WHERE kind = 'sale-recorded') x");
            Report.Line(w =>
            {
                w.WriteString("name", "chain-scale-push-lag");
                w.WriteNumber("tills", tillCount);
                w.WriteNumber("sales_per_second", salesPerSecond);
                w.WriteNumber("seconds", seconds);
                w.WriteNumber("n", pushed.N);
                w.WriteNumber("p50_s", Math.Round(pushed.P50, 3));
                w.WriteNumber("p99_s", Math.Round(pushed.P99, 3));
                w.WriteNumber("max_s", Math.Round(pushed.Max, 3));
                w.WriteNumber("failed_rounds", tills.Sum(t => t.Sync.Failures.FailedRounds));
            });
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: push lag n={pushed.N} p50={pushed.P50:F3} s p99={pushed.P99:F3} s max={pushed.Max:F3} s (target p99 ≤ {TargetP99Seconds} s); {total - pushed.N} sales not in PostgreSQL"));
            var failed = tills.Sum(t => t.Sync.Failures.FailedRounds);
            var reason = tills.Select(t => t.Sync.Failures.FirstReason).FirstOrDefault(r => r is not null);
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: {failed} failed sync rounds over all tills{(reason is null ? "" : "; the first: " + reason)}"));
            // The other direction: until the observing till holds every sale (its own and the 49 others' pulled), or
            // a minute has passed; then each pulled sale's lag from its commit at its till to its apply in this file.
            var settle = Stopwatch.StartNew();
            var observed = ObservedSales(observer.Database);
            while (observed < total && settle.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(200);
                observed = ObservedSales(observer.Database);
            }

            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: the observing till {observer.Id} holds {observed} of the {total} sales"));
            var applied = AppliedLag(observer.Database);
            Report.Line(w =>
            {
                w.WriteString("name", "chain-scale-applied-lag");
                w.WriteString("till", observer.Id);
                w.WriteNumber("n", applied.N);
                w.WriteNumber("p50_s", Math.Round(applied.P50, 3));
                w.WriteNumber("p99_s", Math.Round(applied.P99, 3));
                w.WriteNumber("max_s", Math.Round(applied.Max, 3));
            });
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"chain-scale: commit at another till → applied at {observer.Id} n={applied.N} p50={applied.P50:F3} s p99={applied.P99:F3} s max={applied.Max:F3} s"));
            return pushed.N == total && pushed.P99 <= TargetP99Seconds ? 0 : 1;
        }
        finally
        {
            foreach (var till in tills)
            {
                till.Sync.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static string ServerVersion(string connectionString)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        return c.PostgreSqlVersion.ToString();
    }

    private static (long N, double P50, double P99, double Max) Lag(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return r.IsDBNull(1) ? (0, double.NaN, double.NaN, double.NaN) : (r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3));
    }

    private static long ObservedSales(LoyaltyDatabase database)
    {
        using var c = database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sales WHERE kind = 'sale'";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Seconds from each pulled sale's commit at its own till (the event's at) to its apply in this till's file
    /// (applied_at), both as the tills' clocks wrote them (one machine here, so one clock); percentiles by nearest rank.
    /// </summary>
    private static (long N, double P50, double P99, double Max) AppliedLag(LoyaltyDatabase database)
    {
        var lags = new List<double>();
        using (var c = database.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT (julianday(applied_at) - julianday(at)) * 86400.0 FROM chain_pulled WHERE kind = 'sale-recorded' AND applied_at IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                lags.Add(r.GetDouble(0));
            }
        }

        if (lags.Count == 0)
        {
            return (0, double.NaN, double.NaN, double.NaN);
        }

        lags.Sort();
        double Rank(double q) => lags[Math.Clamp((int)Math.Ceiling(q * lags.Count) - 1, 0, lags.Count - 1)];
        return (lags.Count, Rank(0.50), Rank(0.99), lags[^1]);
    }
}
