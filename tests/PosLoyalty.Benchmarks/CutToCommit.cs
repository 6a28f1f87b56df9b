using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PosLoyalty.Benchmarks.Storage;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// <c>--till</c>: receipt end (the cut) → durable commit, the path the tap runs while it holds the cut. For each
/// sale a card is scanned (untimed), then the receipt's bytes up to and including the cut are pushed into the
/// decoder and the clock runs from there through extraction, pairing and the one SQLite transaction
/// (synchronous=FULL) until the commit has returned. Baseline in the same run, alternating op by op: a raw
/// single-row INSERT + COMMIT on the same file, the floor any durable commit costs on this disk. Target: p99 ≤ 10 ms.
/// </summary>
internal static class CutToCommit
{
    public const double TargetP99Ms = 10.0;

    /// <param name="name">the measurement's name, and the database file's.</param>
    /// <param name="alongside">started over the seeded database before the timed sales and disposed after them: what else runs in the till (the chain's sync service).</param>
    public static int Run(int customers, int sales, string directory, LoyaltyRules rules, string name = "cut-to-commit", Func<LoyaltyDatabase, IAsyncDisposable>? alongside = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"till-bench-{name}-{customers}.db");
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        Report.Progress($"till: seeding {customers:N0} customers into {path}");
        var database = LoyaltyDatabase.Open(path); // the product's own schema and migrations
        SqliteConnection.ClearAllPools();          // the seeder must be alone on the file to leave WAL mode
        Seeder.Seed(path, customers, 10, rules);
        var clock = TimeProvider.System;
        var customerRepository = new CustomerRepository(database, rules, clock);
        var recorder = new SaleRecorder(database, rules, clock);
        var session = new TillSession(
            Options.Create(new TillOptions { Id = "bench-till", LateScanWindow = TimeSpan.Zero }),
            customerRepository,
            recorder,
            new CouponRepository(database, clock),
            new TillEventHub(),
            clock,
            NullLogger<TillSession>.Instance,
            new PendingSales(database, recorder, rules, clock),
            ReceiptConfirmationPolicy.Default);
        var reader = new ReceiptReader(BuiltInReceiptProfiles.Default, 437); // the tap's own reading path
        var random = new Random(4242);

        using var raw = database.OpenConnection();
        Execute(raw, "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload INTEGER NOT NULL)");
        var warmUp = Math.Min(200, sales / 5);
        var cutSamples = new LatencySamples(name, sales);
        var rawSamples = new LatencySamples(name + "-raw-insert-commit", sales);
        var running = alongside?.Invoke(database);
        var decoder = reader.CreateDecoder();
        for (var i = 0; i < warmUp + sales; i++)
        {
            var card = Seeder.CardFor(random.NextInt64(1, customers + 1));
            session.HandleScan(card);
            var bytes = Receipt(i);

            var start = Stopwatch.GetTimestamp();
            var receipts = decoder.Push(bytes);
            foreach (var receipt in receipts)
            {
                var sale = reader.Read(receipt);
                var tillReceipt = ReceiptToTill.Convert(sale, session.TillId, rules.ShopCurrency, clock.GetLocalNow())
                    ?? throw new InvalidOperationException("the benchmark receipt must be a sale");
                if (session.HandleReceipt(tillReceipt, SaleRecording.Receipt(null, printCoupons: true), sale.Confidence) is not SaleRecorded)
                {
                    throw new InvalidOperationException("the benchmark sale must be recorded for the scanned customer");
                }
            }

            var end = Stopwatch.GetTimestamp();

            var rawStart = Stopwatch.GetTimestamp();
            using (var tx = raw.BeginTransaction(deferred: false))
            using (var insert = raw.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO bench_raw (at, payload) VALUES ($at, $p)";
                insert.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$p", i);
                insert.ExecuteNonQuery();
                tx.Commit();
            }

            var rawEnd = Stopwatch.GetTimestamp();
            if (i >= warmUp)
            {
                cutSamples.Add(start, end);
                rawSamples.Add(rawStart, rawEnd);
            }

            if (i % 20 == 19)
            {
                database.Checkpoint(); // as IdleService does when the till is quiet
            }
        }

        running?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var cut = cutSamples.Summarise();
        var baseline = rawSamples.Summarise();
        Report.Latency(cut, customers);
        Report.Latency(baseline, customers);
        Report.Line(w =>
        {
            w.WriteString("name", name + "-vs-raw-p99-ratio");
            w.WriteNumber("ratio", Math.Round(cut.P99Ms / baseline.P99Ms, 2));
        });
        Report.Progress(string.Create(CultureInfo.InvariantCulture, $"till: {name} p99 {cut.P99Ms:F3} ms (target ≤ {TargetP99Ms} ms), {cut.P99Ms / baseline.P99Ms:F2}× the raw commit p99"));
        SqliteConnection.ClearAllPools();
        return cut.P99Ms <= TargetP99Ms ? 0 : 1;
    }

    private static byte[] Receipt(int number) => new EscPosEncoder()
        .Initialize()
        .Align(TextAlignment.Center).Bold(true).Line("Café Centrale").Bold(false)
        .Align(TextAlignment.Left)
        .Line(string.Create(CultureInfo.InvariantCulture, $"Receipt # B{number:D7}"))
        .Line("Latte                          3.20")
        .Line("Croissant                      2.10")
        .Line("TOTAL EUR                      5.30")
        .Line("Card                           5.30")
        .Feed(3)
        .Cut(CutMode.Partial)
        .ToArray();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
