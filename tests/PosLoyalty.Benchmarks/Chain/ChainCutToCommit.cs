using PosLoyalty.Chain;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Testing;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>
/// <c>--till-chain-down</c>: cut → commit (<see cref="CutToCommit"/>) twice in one run, first with no chain, then with
/// the chain's sync service running beside the till against a PostgreSQL that was set up and then stopped: every
/// sale also writes its outbox event, and the service keeps failing to connect and backing off. Target: the
/// chain-down p99 within 10 ms, as without a chain.
/// </summary>
internal static class ChainCutToCommit
{
    public static int Run(int customers, int sales, string directory, LoyaltyRules rules)
    {
        using var cluster = PostgresCluster.StartPrivate();
        var connectionString = cluster.CreateDatabase();
        using (var ds = ChainConnection.Open(connectionString))
        {
            ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None).GetAwaiter().GetResult();
        }

        cluster.Stop();
        Report.Progress("till-chain-down: PostgreSQL migrated and stopped");
        var alone = CutToCommit.Run(customers, sales, directory, rules, "cut-to-commit-no-chain");
        var down = CutToCommit.Run(
            customers,
            sales,
            directory,
            rules,
            "cut-to-commit-chain-down",
            database => BenchChainTill.StartAsync(database, connectionString, "bench-shop", "bench-till").GetAwaiter().GetResult());
        return Math.Max(alone, down);
    }
}
