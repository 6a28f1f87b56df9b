using PosLoyalty.Chain;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Testing;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>
/// <c>--till-chain-down</c>: cut → commit (<see cref="CutToCommit"/>) three times in one run: with no chain; with the
/// chain's sync service beside the till against a running PostgreSQL (each sale's commit wakes a sync round that
/// pushes it, so the till and the sync service share the file); then against the same PostgreSQL stopped, where
/// the service keeps failing to connect and backing off. Every sale with a chain also writes its outbox event.
/// Target: the chain-down p99 within 10 ms, as without a chain.
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

        var alone = CutToCommit.Run(customers, sales, directory, rules, "cut-to-commit-no-chain");
        var tillLogin = BenchTillLogin.Create(connectionString, "till_bench_up", "bench-shop", "bench-till-up");
        var up = CutToCommit.Run(
            customers,
            sales,
            directory,
            rules,
            "cut-to-commit-chain-up",
            database => BenchChainTill.StartAsync(database, tillLogin, "bench-shop", "bench-till-up").GetAwaiter().GetResult());
        cluster.Stop();
        Report.Progress("till-chain-down: PostgreSQL stopped");
        var down = CutToCommit.Run(
            customers,
            sales,
            directory,
            rules,
            "cut-to-commit-chain-down",
            database => BenchChainTill.StartAsync(database, connectionString, "bench-shop", "bench-till").GetAwaiter().GetResult());
        return Math.Max(alone, Math.Max(up, down));
    }
}
