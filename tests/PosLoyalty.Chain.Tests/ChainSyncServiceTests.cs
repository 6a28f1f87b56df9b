namespace PosLoyalty.Chain.Tests;

/// <summary>The hosted sync service in two real `posloyalty run` processes sharing one real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ChainSyncServiceTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(90);

    [PostgresClusterFact]
    public async Task A_card_enrolled_at_till_a_is_greeted_at_till_b_while_both_services_run()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TillProcess("till-a", db.CreateTillLogin("till-a"));
        using var b = new TillProcess("till-b", db.CreateTillLogin("till-b"));
        using var serviceA = a.StartService();
        using var serviceB = b.StartService();
        try
        {
            await Eventually.TrueAsync(() => a.Printed.Contains("Chain sync started", StringComparison.Ordinal) && b.Printed.Contains("Chain sync started", StringComparison.Ordinal), Hang, "both services start their chain sync");

            // Enrolled by the CLI, another process: A's service sees the file change and pushes; B's pulls.
            a.Json("customers", "add", "--card", "4006381333931", "--name", "Paolo Rossi");

            await Eventually.TrueAsync(() => b.Run("customers", "show", "4006381333931").ExitCode == 0, Hang, "till B knows the card enrolled at till A");
            await Eventually.TrueAsync(() => a.Printed.Contains("outbox 0 waiting", StringComparison.Ordinal), Hang, "till A logs its outbox depth after the push");
            Assert.Equal("Paolo Rossi", b.Json("customers", "show", "4006381333931").GetProperty("name").GetString());
        }
        finally
        {
            serviceA.Kill(entireProcessTree: true);
            serviceB.Kill(entireProcessTree: true);
            await serviceA.WaitForExitAsync();
            await serviceB.WaitForExitAsync();
        }

        foreach (var till in new[] { a, b })
        {
            var password = new Npgsql.NpgsqlConnectionStringBuilder(File.ReadAllText(till.ConnectionFile)).Password!;
            Assert.DoesNotContain(password, till.Printed, StringComparison.Ordinal);
        }
    }

    [PostgresClusterFact]
    public async Task A_login_the_server_does_not_map_to_this_till_is_logged_as_refused_not_unreachable()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TillProcess("till-a", db.CreateUnmappedTillLogin());
        using var service = a.StartService();
        try
        {
            await Eventually.TrueAsync(() => a.Printed.Contains("Chain sync started", StringComparison.Ordinal), Hang, "the service starts its chain sync");

            // Something to push: the server's row-level security refuses the insert of a login no till_logins row maps.
            a.Json("customers", "add", "--card", "4006381333931", "--name", "Paolo Rossi");

            await Eventually.TrueAsync(() => a.Printed.Contains("Chain sync failed (PostgreSQL refused events as till 'till-a' of shop 'shop-1' from this login", StringComparison.Ordinal), Hang, "the push is refused and the warning says so", () => a.Printed);
            Assert.DoesNotContain("unreachable", a.Printed, StringComparison.Ordinal);
            Assert.Equal(1, a.Json("chain", "status", "--json").GetProperty("outbox").GetInt64());
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }
}
