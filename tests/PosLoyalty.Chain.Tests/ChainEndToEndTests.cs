using Npgsql;

namespace PosLoyalty.Chain.Tests;

/// <summary>Two tills as real `posloyalty` processes, each with its own file and login, sharing one real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ChainEndToEndTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public void A_customer_enrolled_and_served_at_till_a_has_the_sum_of_both_tills_sales_everywhere()
    {
        var admin = cluster.CreateDatabase();
        using var backOffice = new TillProcess("back-office", admin);
        var init = backOffice.Run("chain", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("migrated to version", init.Stdout, StringComparison.Ordinal);
        var db = new ChainDatabase(admin);
        using var a = new TillProcess("till-a", db.CreateTillLogin("till-a"));
        using var b = new TillProcess("till-b", db.CreateTillLogin("till-b"));

        // The owner's login, again from a till's own configuration: up to date, nothing applied twice.
        var again = a.Run("chain", "init", "--admin-connection-file", a.WriteSecret("admin.conn", admin));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("is up to date", again.Stdout, StringComparison.Ordinal);

        a.Json("customers", "add", "--card", "4006381333931", "--name", "Paolo Rossi");
        var firstSale = a.Json("sales", "apply", "--card", "4006381333931", "--receipt", "A-1", "--total", "12.50", "--till", "till-a", "--at", "2026-03-02T09:30:00+01:00");
        var earnedAtA = firstSale.GetProperty("pointsEarned").GetInt64();
        Assert.True(earnedAtA > 0, "the test's premise: the sale earns points");

        Assert.Equal(2, a.Json("chain", "sync").GetProperty("pushed").GetInt32());
        Assert.Equal(2, b.Json("chain", "sync").GetProperty("applied").GetInt32());
        var atB = b.Json("customers", "show", "4006381333931");
        Assert.Equal("Paolo Rossi", atB.GetProperty("name").GetString());
        Assert.Equal(earnedAtA, atB.GetProperty("pointsBalance").GetInt64());

        var earnedAtB = b.Json("sales", "apply", "--card", "4006381333931", "--receipt", "B-1", "--total", "7.20", "--till", "till-b", "--at", "2026-03-03T10:00:00+01:00").GetProperty("pointsEarned").GetInt64();
        b.Json("chain", "sync");
        a.Json("chain", "sync");
        Assert.Equal(earnedAtA + earnedAtB, a.Json("customers", "show", "4006381333931").GetProperty("pointsBalance").GetInt64());
        Assert.Equal(earnedAtA + earnedAtB, b.Json("customers", "show", "4006381333931").GetProperty("pointsBalance").GetInt64());

        foreach (var till in new[] { a, b })
        {
            var idle = till.Json("chain", "sync");
            Assert.Equal(0, idle.GetProperty("pushed").GetInt32());
            Assert.Equal(0, idle.GetProperty("pulled").GetInt32());
            Assert.Equal(earnedAtA + earnedAtB, till.Json("customers", "show", "4006381333931").GetProperty("pointsBalance").GetInt64());
        }

        Assert.Equal(3, db.Scalar("SELECT count(*) FROM events WHERE kind IN ('customer-enrolled', 'sale-recorded')"));
        var status = a.Json("chain", "status");
        Assert.Equal(["connected", "outbox", "lastPushAt", "lastPullAt", "lagSeconds", "conflicts", "waiting", "waitingReasons", "conflictList"], status.EnumerateObject().Select(p => p.Name));
        Assert.True(status.GetProperty("connected").GetBoolean());
        Assert.Equal(0, status.GetProperty("outbox").GetInt64());
        Assert.Equal(0, status.GetProperty("waiting").GetInt64());
        Assert.Empty(status.GetProperty("waitingReasons").EnumerateObject());
        Assert.Equal(0, status.GetProperty("conflicts").GetInt64());

        foreach (var till in new[] { backOffice, a, b })
        {
            AssertNoPassword(till, admin, File.ReadAllText(a.ConnectionFile), File.ReadAllText(b.ConnectionFile));
        }
    }

    [PostgresClusterFact]
    public void Status_of_a_chain_that_cannot_be_reached_says_so_and_shows_what_waits_without_the_password()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(cluster.CreateDatabase()) { Port = ClosedPort(), Password = "s3cret-unreachable-pw" }.ConnectionString;
        using var till = new TillProcess("till-a", unreachable);
        till.Json("customers", "add", "--card", "4006381333931", "--name", "Paolo Rossi");

        var status = till.Json("chain", "status");
        var sync = till.Run("chain", "sync");

        Assert.False(status.GetProperty("connected").GetBoolean());
        Assert.Equal(1, status.GetProperty("outbox").GetInt64());
        Assert.Equal(6, sync.ExitCode);
        Assert.Contains("127.0.0.1", sync.Stderr, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL unreachable", sync.Stderr, StringComparison.Ordinal);
        AssertNoPassword(till, "s3cret-unreachable-pw");
    }

    [PostgresClusterFact]
    public void A_password_file_others_may_read_is_refused_naming_the_key()
    {
        using var till = new TillProcess("till-a", "Host=127.0.0.1;Username=till;Password=readable-pw");
        File.SetUnixFileMode(till.ConnectionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var status = till.Run("chain", "status");

        Assert.Equal(4, status.ExitCode);
        Assert.Contains("Chain:ConnectionStringFile", status.Stderr, StringComparison.Ordinal);
        Assert.Contains("chmod 600", status.Stderr, StringComparison.Ordinal);
        AssertNoPassword(till, "readable-pw");
    }

    private static void AssertNoPassword(TillProcess till, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            var password = secret.Contains('=', StringComparison.Ordinal) ? new NpgsqlConnectionStringBuilder(secret).Password! : secret;
            Assert.False(string.IsNullOrEmpty(password), "the test's premise: a password to look for");
            Assert.DoesNotContain(password, till.Printed, StringComparison.Ordinal);
        }
    }

    internal static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again once the listener is disposed
    }
}
