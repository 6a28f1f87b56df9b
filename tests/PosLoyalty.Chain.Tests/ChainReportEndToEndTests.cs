using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace PosLoyalty.Chain.Tests;

/// <summary>`report … --chain` through the real executable: the owner's reports over every till's events in a real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ChainReportEndToEndTests(PostgresCluster cluster)
{
    private static readonly string[] Reports = ["segments", "lapsed", "followups", "top", "liability", "visits"];

    [PostgresClusterFact]
    public void Reports_with_chain_count_both_tills_sales_in_the_shapes_of_the_local_reports()
    {
        var leftBefore = ReportScratchDirectories();
        var db = ChainDatabase.InitThroughTheExecutable(cluster);
        using var a = new TillProcess("till-a", db.CreateTillLogin("till-a"));
        using var b = new TillProcess("till-b", db.CreateTillLogin("till-b"));
        a.Json("customers", "add", "--card", "4006381333931", "--name", "Paolo Rossi");
        var points = a.Json("sales", "apply", "--card", "4006381333931", "--receipt", "A-1", "--total", "12.50", "--till", "till-a", "--at", DaysAgo(3)).GetProperty("pointsEarned").GetInt64();
        a.Json("chain", "sync");
        b.Json("chain", "sync");
        b.Json("customers", "add", "--card", "4012888888881881", "--name", "Greta Lind");
        points += b.Json("sales", "apply", "--card", "4012888888881881", "--receipt", "B-1", "--total", "30.00", "--till", "till-b", "--at", DaysAgo(2)).GetProperty("pointsEarned").GetInt64();
        points += b.Json("sales", "apply", "--card", "4006381333931", "--receipt", "B-2", "--total", "7.20", "--till", "till-b", "--at", DaysAgo(1)).GetProperty("pointsEarned").GetInt64();
        b.Json("chain", "sync"); // A does not pull: its own file knows only its own sale

        var local = a.Json("report", "top");
        var chain = a.Json("report", "top", "--chain");

        Assert.Equal(["Paolo Rossi"], local.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(12.50m, local[0].GetProperty("spend").GetDecimal());
        Assert.Equal(["Greta Lind", "Paolo Rossi"], chain.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([30.00m, 19.70m], chain.EnumerateArray().Select(t => t.GetProperty("spend").GetDecimal()));
        Assert.Equal([1, 2], chain.EnumerateArray().Select(t => t.GetProperty("visits").GetInt32()));
        Assert.Equal(1, a.Json("report", "visits").GetProperty("total").GetInt64());
        Assert.Equal(3, a.Json("report", "visits", "--chain").GetProperty("total").GetInt64());
        Assert.Equal(points, a.Json("report", "liability", "--chain").GetProperty("outstandingPoints").GetInt64());
        Assert.Equal(points, b.Json("report", "liability", "--chain").GetProperty("outstandingPoints").GetInt64());

        foreach (var report in Reports)
        {
            Assert.Equal(Shape(a.Json("report", report)), Shape(a.Json("report", report, "--chain")));
            var text = a.Run("report", report, "--chain");
            Assert.True(text.ExitCode == 0 && text.Stdout.Length > 0, $"report {report} --chain: {text}");
        }

        Assert.Contains("Greta Lind", a.Run("report", "top", "--chain").Stdout, StringComparison.Ordinal);

        // Every report's scratch copy is gone once it answered. /dev/shm is the machine's: another test run beside this
        // one may hold its own for a moment, so the check waits until none is left that was not there before.
        Assert.True(
            Eventually.Holds(() => ReportScratchDirectories().Except(leftBefore).Any() is false, TimeSpan.FromSeconds(60)),
            "a report left its scratch copy: " + string.Join(", ", ReportScratchDirectories().Except(leftBefore)));
    }

    private static HashSet<string> ReportScratchDirectories() =>
        Directory.Exists("/dev/shm") ? [.. Directory.GetDirectories("/dev/shm", "posloyalty-chain-report-*")] : [];

    [PostgresClusterFact]
    public void A_report_over_a_chain_that_cannot_be_reached_exits_6_naming_the_server_without_the_password()
    {
        const string password = "s3cret-report-pw";
        var unreachable = new NpgsqlConnectionStringBuilder(cluster.CreateDatabase()) { Port = ChainEndToEndTests.ClosedPort(), Password = password }.ConnectionString;
        using var till = new TillProcess("till-a", unreachable);

        var report = till.Run("report", "top", "--chain", "--json");

        Assert.Equal(6, report.ExitCode);
        Assert.Contains("127.0.0.1", report.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, report.Stdout);
        Assert.DoesNotContain(password, till.Printed, StringComparison.Ordinal);
    }

    /// <summary>The property names of the objects, in order, at every level above the lists: what a script reading the JSON relies on.</summary>
    private static string Shape(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().Select(p => p.Name + ":" + Shape(p.Value))) + "}",
        JsonValueKind.Array => "[]", // the rows differ (the chain has more); the top rows' fields are checked above
        _ => "value",
    };

    private static string DaysAgo(int days) => DateTimeOffset.UtcNow.AddDays(-days).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
