using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Host.Tests;

/// <summary>`report …` and the privacy promises around it, through the real executable.</summary>
public sealed class ReportCommandsTests : IDisposable
{
    private readonly CliFixture cli = new();
    private readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    private int receipts;

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_seeded_year_of_sales_puts_each_crafted_customer_in_its_segment()
    {
        // Baskets: 12×40, 12×5, 2×60, 2×4, 3×20 → 31 sales, median 20. Regular = 12 visits in 12 months.
        Enrol("5001", "Regular Heavy");
        Enrol("5002", "Regular Light");
        Enrol("5003", "Infrequent Heavy");
        Enrol("5004", "Infrequent Light");
        Enrol("5005", "Former Customer");
        for (var i = 0; i < 12; i++)
        {
            Buy("5001", "40.00", DaysAgo((i * 30) + 3));
            Buy("5002", "5.00", DaysAgo((i * 30) + 4));
        }

        Buy("5003", "60.00", DaysAgo(40));
        Buy("5003", "60.00", DaysAgo(200));
        Buy("5004", "4.00", DaysAgo(15));
        Buy("5004", "4.00", DaysAgo(150));
        foreach (var days in new[] { 240, 270, 300 })
        {
            Buy("5005", "20.00", DaysAgo(days));
        }

        var report = cli.RunJson("report", "segments").Json();
        Assert.Equal(20m, report.GetProperty("thresholds").GetProperty("medianBasket").GetDecimal());
        var counts = report.GetProperty("segments").EnumerateArray().ToDictionary(s => s.GetProperty("segment").GetString()!, s => s.GetProperty("customers").GetInt64());
        Assert.All(counts.Values, n => Assert.Equal(1, n));
        Assert.Equal(5, report.GetProperty("customers").GetInt64());

        var expected = new Dictionary<string, string>
        {
            ["5001"] = "regular-heavy",
            ["5002"] = "regular-light",
            ["5003"] = "infrequent-heavy",
            ["5004"] = "infrequent-light",
            ["5005"] = "former",
        };
        foreach (var (card, segment) in expected)
        {
            Assert.Equal(segment, cli.RunJson("customers", "show", card).Json().GetProperty("segment").GetString());
        }

        // Pareto over the 5 buyers: the top 20% is the one who spent most (Regular Heavy, 480.00).
        var top = report.GetProperty("pareto")[0];
        Assert.Equal(1, top.GetProperty("customers").GetInt64());
        Assert.Equal(480m, top.GetProperty("revenue").GetDecimal());

        // A one-month "former" line also takes in the infrequent-heavy customer (last seen 40 days ago).
        var loose = cli.RunJson("report", "segments", "--former-months", "1").Json();
        Assert.Equal(2, loose.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("segment").GetString() == "former").GetProperty("customers").GetInt64());

        var csv = Path.Combine(cli.Directory, "segments.csv");
        Assert.Equal(0, cli.Run("report", "segments", "--csv", csv).ExitCode);
        Assert.Contains("segment,regular-heavy,1,480.00", File.ReadAllText(csv), StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawn_consent_drops_the_contact_from_lapsed_and_its_mail_merge_at_once()
    {
        cli.RunJson("customers", "add", "--card", "6001", "--name", "Olga Lapsed", "--phone", "+31 6 5550 1234", "--email", "olga@example.org", "--consent-marketing");
        foreach (var days in new[] { 200, 190, 180 })
        {
            Buy("6001", "7.50", DaysAgo(days), "SKU-1|Cappuccino|1|3.50", "SKU-2|Croissant|1|4.00");
        }

        var csv = Path.Combine(cli.Directory, "letters.csv");
        var before = cli.RunJson("report", "lapsed", "--csv", csv).Json()[0];
        Assert.Equal("olga@example.org", before.GetProperty("contact").GetProperty("email").GetString());
        Assert.Contains("Cappuccino", before.GetProperty("usualItems").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains("olga@example.org", File.ReadAllText(csv), StringComparison.Ordinal);

        cli.RunJson("customers", "edit", "6001", "--consent-marketing", "false");
        var after = cli.RunJson("report", "lapsed", "--csv", csv).Json()[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("contact").ValueKind);
        var letters = File.ReadAllText(csv);
        Assert.DoesNotContain("Olga", letters, StringComparison.Ordinal);
        Assert.DoesNotContain("5550", letters, StringComparison.Ordinal);
        Assert.DoesNotContain("5550", cli.RunJson("report", "followups").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Followups_list_complaints_large_purchases_and_birthdays_but_not_plain_notes()
    {
        var soon = MonthDayIn(3);
        cli.RunJson("customers", "add", "--card", "7001", "--name", "Cora Complains", "--birthday", soon);
        cli.RunJson("customers", "note", "7001", "the milk was sour", "--complaint");
        cli.RunJson("customers", "note", "7001", "likes the window seat");
        cli.RunJson("customers", "add", "--card", "7002", "--name", "Bert Big");
        Buy("7002", "250.00", DaysAgo(2));

        var items = cli.RunJson("report", "followups", "--large-purchase", "100").Json().GetProperty("items").EnumerateArray()
            .Select(i => (Kind: i.GetProperty("kind").GetString(), Name: i.GetProperty("name").GetString(), Detail: i.GetProperty("detail").GetString()))
            .ToList();
        Assert.Contains(("complaint", "Cora Complains", "the milk was sour"), items);
        Assert.Contains(items, i => i.Kind == "birthday" && i.Name == "Cora Complains" && i.Detail == "in 3 days");
        Assert.Contains(items, i => i.Kind == "thank-you-call" && i.Name == "Bert Big");
        Assert.DoesNotContain(items, i => i.Detail == "likes the window seat");
    }

    [Fact]
    public void Liability_values_points_at_the_conversion_rate_and_visits_count_local_hours()
    {
        cli.RunJson("customers", "add", "--card", "8001", "--name", "Vera");
        Buy("8001", "12.00", "2026-01-05T23:30:00-05:00"); // Monday 23:30 at the till, Tuesday 04:30 UTC
        var liability = cli.RunJson("report", "liability").Json();
        Assert.Equal(12, liability.GetProperty("outstandingPoints").GetInt64());
        Assert.Equal(0.12m, liability.GetProperty("pointsValue").GetDecimal()); // 500 points = 5.00 in loyalty.json

        var visits = cli.RunJson("report", "visits", "--months", "120").Json();
        var monday = visits.GetProperty("byWeekday").EnumerateArray().Single(d => d.GetProperty("weekday").GetString() == "Monday");
        Assert.Equal(1, monday.GetProperty("byHour")[23].GetInt64());
        Assert.Equal(0, visits.GetProperty("byHour")[4].GetProperty("sales").GetInt64());
    }

    [Fact]
    public void Erase_through_the_cli_leaves_no_trace_in_the_database_wal_or_shm()
    {
        string[] secrets = ["Wilhelmina Thistlewood", "+44 7700 900456", "wil.thistle@example.net", "prefers oat milk, cousin of the baker"];
        cli.RunJson("customers", "add", "--card", "9001", "--name", secrets[0], "--phone", secrets[1], "--email", secrets[2], "--consent-marketing");
        cli.RunJson("customers", "note", "9001", secrets[3], "--follow-up");
        Buy("9001", "8.50", DaysAgo(3));
        Buy("9001", "4.00", DaysAgo(1));
        Assert.Contains(secrets[0], cli.RunJson("customers", "export", "9001").Stdout, StringComparison.Ordinal);

        var erased = cli.Run("customers", "erase", "9001", "--yes");
        Assert.True(erased.ExitCode == 0, erased.ToString());

        SqliteConnection.ClearAllPools();
        var files = new[] { string.Empty, "-wal", "-shm" }.Select(s => cli.DatabasePath + s).Where(File.Exists).ToList();
        Assert.Contains(cli.DatabasePath, files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' is still in {Path.GetFileName(file)}");
            }
        }
    }

    private void Enrol(string card, string name) => cli.RunJson("customers", "add", "--card", card, "--name", name);

    private void Buy(string card, string total, string at, params string[] items)
    {
        var args = new List<string> { "sales", "apply", "--card", card, "--receipt", "R" + (++receipts).ToString(CultureInfo.InvariantCulture), "--total", total, "--at", at };
        foreach (var item in items)
        {
            args.Add("--item");
            args.Add(item);
        }

        cli.RunJson([.. args]);
    }

    private string DaysAgo(int days) => now.AddDays(-days).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string MonthDayIn(int days)
    {
        var day = DateTime.Now.Date.AddDays(days);
        return day.ToString("MM-dd", CultureInfo.InvariantCulture) == "02-29" ? throw new InvalidOperationException("pick another offset") : day.ToString("MM-dd", CultureInfo.InvariantCulture);
    }
}
