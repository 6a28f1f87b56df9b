using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Benchmarks.Storage;

/// <summary>
/// The storage measurements of the issue, all through the real API after a bulk seed:
/// card lookup (CustomerRepository.FindByCard), durable sale apply (SaleRecorder.Apply) and, in
/// the same run on the same file, a raw single-row INSERT + COMMIT as the floor a durable commit
/// costs on this disk. Apply and raw alternate op by op so both see the same disk and WAL state.
/// </summary>
internal sealed class StorageHarness(BenchOptions options)
{
    public const double LookupP99TargetMs = 0.5;
    public const double ApplyP99TargetMs = 3.0;
    public const double ApplyToRawP99MaxRatio = 5.0;

    private const string RawTableSql = "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload INTEGER NOT NULL)";

    private readonly Random random = new(options.RandomSeed);

    /// <returns>The number of targets missed.</returns>
    public int Run()
    {
        var wall = Stopwatch.StartNew();
        var rulesPath = FindRules(options.RulesPath);
        var rules = LoyaltyRulesReader.Parse(File.ReadAllText(rulesPath), rulesPath);
        var customers = options.Customers;
        var perCustomer = options.LedgerRowsPerCustomer;
        Directory.CreateDirectory(options.DbDirectory);
        var path = Path.GetFullPath(Path.Combine(options.DbDirectory, $"posloyalty-bench-{customers}x{perCustomer}.db"));
        Report.Progress($"storage: load average {LoadAverage()}");
        Report.Progress($"storage: {customers:N0} customers x {perCustomer} sales and ledger rows = {(long)customers * perCustomer:N0} ledger rows; rules {rulesPath}; database {path}");

        var database = OpenOrSeed(path, customers, perCustomer, rules);
        var bytesPerCustomer = MeasureSize(database, path, customers);
        var missed = 0;
        try
        {
            var lookup = MeasureLookups(database, rules, customers);
            Report.Latency(lookup, customers);
            missed += Target("card-lookup p99", lookup.P99Ms, LookupP99TargetMs, "ms");

            var (apply, raw) = MeasureApplyAndRaw(database, rules, customers);
            Report.Latency(apply, customers);
            Report.Latency(raw, customers);
            var ratio = apply.P99Ms / raw.P99Ms;
            Report.Line(w =>
            {
                w.WriteString("name", "apply-vs-raw-p99-ratio");
                w.WriteNumber("ratio", Math.Round(ratio, 3));
            });
            Report.Progress($"apply-vs-raw: p99 ratio {ratio:F2}, p50 ratio {apply.P50Ms / raw.P50Ms:F2}");
            missed += Target("sale-apply p99", apply.P99Ms, ApplyP99TargetMs, "ms");
            missed += Target("sale-apply p99 / raw p99", ratio, ApplyToRawP99MaxRatio, "x");
            Report.Progress($"storage: {bytesPerCustomer:F1} bytes per customer; whole run {wall.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.Keep && !options.Reuse)
            {
                DeleteDatabaseFiles(path);
                Report.Progress($"storage: removed {path} (--keep keeps it)");
            }
        }

        return missed;
    }

    private static int Target(string what, double value, double limit, string unit)
    {
        var ok = value <= limit;
        Report.Progress(ok
            ? $"target {what} <= {limit} {unit}: met ({value:F3} {unit})"
            : $"target {what} <= {limit} {unit}: MISSED ({value:F3} {unit}, {value / limit:F2}x the target)");
        return ok ? 0 : 1;
    }

    /// <summary>Other work on the machine shows in the tails; the run says how busy it was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" ({Environment.ProcessorCount} CPUs)" : "unknown";

    internal static string FindRules(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"--rules: '{given}' does not exist");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "kiosk-config", "loyalty.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("kiosk-config/loyalty.json not found above the current directory; pass --rules FILE");
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    private LoyaltyDatabase OpenOrSeed(string path, int customers, int perCustomer, LoyaltyRules rules)
    {
        if (options.Reuse && File.Exists(path))
        {
            var sw = Stopwatch.StartNew();
            var existing = LoyaltyDatabase.Open(path, createIfMissing: false); // runs quick_check, like the service
            using (var c = existing.OpenConnection())
            {
                if (Seeder.ReadSeedDescription(c) == Seeder.Describe(customers, perCustomer))
                {
                    Report.Progress($"seed: reusing {path} (opened and quick_checked in {sw.Elapsed.TotalSeconds:F1} s; it holds the rows of earlier runs too)");
                    return existing;
                }
            }

            Report.Progress($"seed: {path} was seeded with other sizes; seeding again");
            SqliteConnection.ClearAllPools();
        }

        DeleteDatabaseFiles(path);
        var database = LoyaltyDatabase.Open(path); // the product's own schema and migrations
        SqliteConnection.ClearAllPools();          // the seeder must be alone on the file to leave WAL mode
        Seeder.Seed(path, customers, perCustomer, rules);
        using (var c = database.OpenConnection())
        {
            Seeder.Verify(c, customers, perCustomer);
        }

        return database;
    }

    private static double MeasureSize(LoyaltyDatabase database, string path, int customers)
    {
        using (var c = database.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }

        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        var perCustomer = (double)bytes / customers;
        Report.Line(w =>
        {
            w.WriteString("name", "db-size-per-customer");
            w.WriteNumber("bytes", Math.Round(perCustomer, 1));
            w.WriteNumber("customers", customers);
        });
        Report.Progress($"db-size: {bytes:N0} bytes ({bytes / 1048576.0:F1} MiB) for {customers:N0} customers");
        return perCustomer;
    }

    private LatencySummary MeasureLookups(LoyaltyDatabase database, LoyaltyRules rules, int customers)
    {
        var repository = new CustomerRepository(database, rules, TimeProvider.System);
        var n = options.Lookups;
        var warmUp = Math.Min(5_000, Math.Max(100, n / 10));
        var ids = new long[n + warmUp];
        var cards = new CardNumber[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = random.NextInt64(1, customers + 1L);
            cards[i] = CardNumber.Parse(Seeder.CardFor(ids[i]));
        }

        Report.Progress($"card-lookup: {warmUp:N0} warm-up, then {n:N0} timed lookups of random existing cards");
        GC.Collect();
        var samples = new LatencySamples("card-lookup", n);
        for (var i = 0; i < ids.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var found = repository.FindByCard(cards[i]);
            var end = Stopwatch.GetTimestamp();
            if (found is null || found.CustomerId.Value != ids[i])
            {
                throw new InvalidOperationException($"card {cards[i].Value} should belong to customer {ids[i]} but lookup found {found?.CustomerId.ToString() ?? "nobody"}");
            }

            if (i >= warmUp)
            {
                samples.Add(start, end);
            }
        }

        WriteSamples(samples);
        return samples.Summarise();
    }

    private (LatencySummary Apply, LatencySummary Raw) MeasureApplyAndRaw(LoyaltyDatabase database, LoyaltyRules rules, int customers)
    {
        var recorder = new SaleRecorder(database, rules, TimeProvider.System);
        var currency = rules.ShopCurrency;
        var n = options.Applies;
        var warmUp = Math.Min(200, Math.Max(20, n / 10));
        var runTag = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var items = new List<SaleItem>
        {
            new(null, "Latte", 1m, new Money(3.20m, currency)),
            new("SKU-7", "Sandwich", 1m, new Money(5.30m, currency)),
        };

        // The baseline: the product's own connection settings (WAL, synchronous=FULL, ...), one
        // prepared single-row INSERT, committed on its own, in the same file as the sales.
        using var raw = database.OpenConnection();
        using (var create = raw.CreateCommand())
        {
            create.CommandText = RawTableSql;
            create.ExecuteNonQuery();
        }

        var mainFile = new FileInfo(database.Path);
        using var begin = Prepared(raw, "BEGIN IMMEDIATE");
        using var insert = Prepared(raw, "INSERT INTO bench_raw (at, payload) VALUES ($at, $p)", "$at", "$p");
        using var commit = Prepared(raw, "COMMIT");

        Report.Progress($"sale-apply / raw-insert-commit: {warmUp:N0} warm-up each, then {n:N0} timed each, alternating");
        using var checkpoint = options.IdleCheckpointEvery is null ? null : Prepared(raw, "PRAGMA wal_checkpoint(PASSIVE)");
        var idleCheckpoints = 0;
        GC.Collect();
        var applySamples = new LatencySamples("sale-apply", n);
        var rawSamples = new LatencySamples("raw-insert-commit", n);
        for (var i = 0; i < warmUp + n; i++)
        {
            var timed = i >= warmUp;
            var customer = new CustomerId(random.NextInt64(1, customers + 1L));
            var sale = Sale.Create("bench-till", $"B{runTag}-{i:D7}", new Money(8.50m, currency), DateTimeOffset.Now, items);
            insert.Parameters[0].Value = Sql(DateTimeOffset.UtcNow);
            insert.Parameters[1].Value = (long)i;

            // Alternate which goes first, so neither always follows the other's commit.
            if (i % 2 == 0)
            {
                ApplyOnce(recorder, customer, sale, timed ? applySamples : null, mainFile);
                RawOnce(begin, insert, commit, timed ? rawSamples : null, mainFile);
            }
            else
            {
                RawOnce(begin, insert, commit, timed ? rawSamples : null, mainFile);
                ApplyOnce(recorder, customer, sale, timed ? applySamples : null, mainFile);
            }

            if (checkpoint is not null && (i + 1) % options.IdleCheckpointEvery!.Value == 0)
            {
                checkpoint.ExecuteNonQuery(); // between sales: no op is being timed
                idleCheckpoints++;
            }

            if (timed && (i - warmUp + 1) % 1000 == 0)
            {
                Report.Progress($"sale-apply / raw-insert-commit: {i - warmUp + 1:N0}/{n:N0}");
            }
        }

        if (checkpoint is not null)
        {
            Report.Progress($"idle-checkpoint: {idleCheckpoints:N0} untimed PASSIVE checkpoints between sales (every {options.IdleCheckpointEvery} pairs)");
        }

        // In WAL mode the main file is written only by a checkpoint: a commit during which it
        // changed ran the automatic checkpoint (every ~1000 WAL pages) on the caller's thread
        foreach (var samples in new[] { applySamples, rawSamples })
        {
            var with = samples.SummariseWhere(true);
            var without = samples.SummariseWhere(false);
            Report.Progress($"{samples.Name}: {samples.MarkedCount:N0} of {samples.Count:N0} commits ran a WAL checkpoint"
                + (with is null ? string.Empty : $"; those: p50={with.P50Ms:F3} ms max={with.MaxMs:F3} ms")
                + (without is null ? string.Empty : $"; the others: p50={without.P50Ms:F3} ms p99={without.P99Ms:F3} ms max={without.MaxMs:F3} ms"));
            WriteSamples(samples);
        }

        return (applySamples.Summarise(), rawSamples.Summarise());
    }

    private void WriteSamples(LatencySamples samples)
    {
        if (options.SamplesDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, samples.Name + ".csv");
            samples.WriteCsv(file);
            Report.Progress($"{samples.Name}: timings written to {file}");
        }
    }

    private static (long Length, long Written) Stamp(FileInfo file)
    {
        file.Refresh();
        return (file.Length, file.LastWriteTimeUtc.Ticks);
    }

    private static void ApplyOnce(SaleRecorder recorder, CustomerId customer, Sale sale, LatencySamples? samples, FileInfo mainFile)
    {
        var before = Stamp(mainFile);
        var start = Stopwatch.GetTimestamp();
        var outcome = recorder.Apply(customer, sale);
        var end = Stopwatch.GetTimestamp();
        if (outcome.Duplicate)
        {
            throw new InvalidOperationException($"receipt {sale.ReceiptNumber} was already recorded: the benchmark must apply new sales");
        }

        samples?.Add(start, end, Stamp(mainFile) != before);
    }

    private static void RawOnce(SqliteCommand begin, SqliteCommand insert, SqliteCommand commit, LatencySamples? samples, FileInfo mainFile)
    {
        var before = Stamp(mainFile);
        var start = Stopwatch.GetTimestamp();
        begin.ExecuteNonQuery();
        insert.ExecuteNonQuery();
        commit.ExecuteNonQuery();
        var end = Stopwatch.GetTimestamp();
        samples?.Add(start, end, Stamp(mainFile) != before);
    }

    private static SqliteCommand Prepared(SqliteConnection c, string sql, params string[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        cmd.Prepare();
        return cmd;
    }

    private static string Sql(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
