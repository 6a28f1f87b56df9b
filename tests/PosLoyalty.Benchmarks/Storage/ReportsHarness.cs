using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Import;
using PosLoyalty.Storage.Reports;

namespace PosLoyalty.Benchmarks.Storage;

/// <summary>
/// `--reports`: the owner's tools at full size (issue #7). `report segments` over the seeded
/// database (default 1,000,000 customers × 10 sales), repeated; and `import customers` of a
/// generated 100,000-row CSV into a fresh database, repeated. Targets: segments ≤ 10 s, import ≤ 20 s.
/// </summary>
internal sealed class ReportsHarness(BenchOptions options)
{
    public const double SegmentsTargetSeconds = 10;
    public const double ImportTargetSeconds = 20;

    public int Run()
    {
        var rulesPath = FindRules(options.RulesPath);
        var rules = LoyaltyRulesReader.Parse(File.ReadAllText(rulesPath), rulesPath);
        Directory.CreateDirectory(options.DbDirectory);
        var missed = 0;
        missed += MeasureSegments(rules);
        missed += MeasureImport(rules);
        return missed;
    }

    private int MeasureSegments(LoyaltyRules rules)
    {
        var customers = options.Customers;
        var perCustomer = options.LedgerRowsPerCustomer;
        var path = Path.GetFullPath(Path.Combine(options.DbDirectory, $"posloyalty-bench-{customers}x{perCustomer}.db"));
        var database = OpenOrSeed(path, customers, perCustomer, rules);
        try
        {
            var analysis = new SegmentAnalysis(database, TimeProvider.System);
            Report.Progress("reports: segments warm-up run");
            var warm = Stopwatch.StartNew();
            var first = analysis.Run(SegmentThresholds.Default);
            Report.Progress($"reports: warm-up {warm.Elapsed.TotalSeconds:F2} s; {first.Customers:N0} customers, {first.BasketsInWindow:N0} sales in the window, median basket {first.MedianBasket}; groups {string.Join(", ", first.Groups.Select(g => $"{g.Name} {g.Customers:N0}"))}");
            var seconds = new List<double>();
            for (var i = 0; i < options.ReportRepeats; i++)
            {
                var sw = Stopwatch.StartNew();
                _ = analysis.Run(SegmentThresholds.Default);
                seconds.Add(sw.Elapsed.TotalSeconds);
                Report.Progress($"reports: segments run {i + 1}: {seconds[^1]:F2} s");
            }

            Summarise("report-segments", seconds, customers, (long)customers * perCustomer);
            return Target("report segments median", Median(seconds), SegmentsTargetSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.Keep && !options.Reuse)
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
                {
                    File.Delete(path + suffix);
                }
            }
        }
    }

    private int MeasureImport(LoyaltyRules rules)
    {
        var rows = options.ImportRows;
        var csv = Path.Combine(options.DbDirectory, $"import-{rows}.csv");
        WriteCsv(csv, rows);
        var seconds = new List<double>();
        for (var i = 0; i < options.ReportRepeats; i++)
        {
            var path = Path.Combine(options.DbDirectory, $"import-{i}.db");
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            var database = LoyaltyDatabase.Open(path);
            var progressCalls = 0;
            var sw = Stopwatch.StartNew();
            var result = new CustomerImporter(database, rules, TimeProvider.System).Import(csv, dryRun: false, _ => progressCalls++);
            seconds.Add(sw.Elapsed.TotalSeconds);
            if (!result.Succeeded || result.Imported != rows)
            {
                throw new InvalidOperationException($"import benchmark: {result.Imported} of {rows} imported; first error {result.Errors.FirstOrDefault()}");
            }

            Report.Progress($"reports: import run {i + 1}: {rows:N0} rows in {seconds[^1]:F2} s ({progressCalls} progress reports)");
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        File.Delete(csv);
        Summarise("import-customers", seconds, rows, rows);
        return Target("import customers median", Median(seconds), ImportTargetSeconds);
    }

    /// <summary>Every column filled the way a migration from paper cards would: names with accents and commas, notes with quotes.</summary>
    private static void WriteCsv(string path, int rows)
    {
        using var w = new StreamWriter(path, append: false, new UTF8Encoding(false));
        w.WriteLine("name,card,birthday,phone,email,consent,points,notes");
        for (var i = 1; i <= rows; i++)
        {
            w.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"\"Chloé {i}, de Vries\",IMP{i:D10},{(i % 12) + 1:00}-{(i % 28) + 1:00},+31 6 {i:D8},c{i}@example.org,{(i % 3 == 0 ? "yes" : "no")},{i % 500},\"likes \"\"oat\"\" milk\""));
        }
    }

    private static void Summarise(string name, List<double> seconds, long customers, long rows)
    {
        var sorted = seconds.Order().ToList();
        Report.Line(w =>
        {
            w.WriteString("name", name);
            w.WriteNumber("runs", sorted.Count);
            w.WriteNumber("customers", customers);
            w.WriteNumber("rows", rows);
            w.WriteNumber("medianSeconds", Math.Round(Median(sorted), 3));
            w.WriteNumber("minSeconds", Math.Round(sorted[0], 3));
            w.WriteNumber("maxSeconds", Math.Round(sorted[^1], 3));
        });
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Target(string what, double value, double limit)
    {
        var ok = value <= limit;
        Report.Progress($"target {what}: {value:F2} s (limit {limit} s) {(ok ? "met" : "MISSED")}");
        return ok ? 0 : 1;
    }

    private LoyaltyDatabase OpenOrSeed(string path, int customers, int perCustomer, LoyaltyRules rules)
    {
        if (options.Reuse && File.Exists(path))
        {
            var existing = LoyaltyDatabase.Open(path, createIfMissing: false);
            using var c = existing.OpenConnection();
            if (Seeder.ReadSeedDescription(c) == Seeder.Describe(customers, perCustomer))
            {
                Report.Progress($"seed: reusing {path}");
                return existing;
            }

            SqliteConnection.ClearAllPools();
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }

        var database = LoyaltyDatabase.Open(path);
        SqliteConnection.ClearAllPools();
        Seeder.Seed(path, customers, perCustomer, rules);
        using (var c = database.OpenConnection())
        {
            Seeder.Verify(c, customers, perCustomer);
        }

        return database;
    }

    private static string FindRules(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"--rules: '{given}' does not exist");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "kiosk-config", "loyalty.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("kiosk-config/loyalty.json not found above the current directory; pass --rules FILE");
    }
}
