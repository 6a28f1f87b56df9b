using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Chain.Tests;

/// <summary>The hosted sync service in-process, when the chain is away and the till's own file fails it as well.</summary>
public sealed class ChainSyncServiceFaultTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_outbox_that_cannot_be_read_after_a_failed_round_is_reported_and_the_service_keeps_trying()
    {
        // Nothing listens on the port: every round fails at once, as with a chain server that is down.
        int closedPort = ClosedPort();
        using var till = new TestTill("till-a", $"Host=127.0.0.1;Port={closedPort};Username=till;Password=secret;Database=chain;Timeout=5");
        using (var c = till.Database.OpenConnection())
        using (var drop = c.CreateCommand())
        {
            // The outbox state now fails to read ("no such table"): a damaged file, as far as the service can tell.
            drop.CommandText = "DROP TABLE chain_pulled";
            drop.ExecuteNonQuery();
        }

        var logger = new FakeLogger<ChainSyncService>();
        using var service = new ChainSyncService(
            till.Sync,
            till.Outbox,
            till.Database,
            new ChainOptions { PullInterval = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(1) },
            new ChainIdentity("shop-1", "till-a", $"127.0.0.1:{closedPort}"),
            TimeProvider.System,
            logger);

        await service.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(
                () => Unreadable(logger).Count >= 2 || service.ExecuteTask!.IsCompleted,
                Hang,
                "two failed rounds are logged with the outbox unreadable",
                () => string.Join('\n', logger.Collector.GetSnapshot().Select(r => r.Message)));

            Assert.False(service.ExecuteTask!.IsCompleted, $"the sync service ended: {service.ExecuteTask.Exception?.GetBaseException().Message}");
            var first = Unreadable(logger)[0];
            Assert.Equal(LogLevel.Warning, first.Level);
            Assert.Contains("chain_pulled", first.Message, StringComparison.Ordinal);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static List<FakeLogRecord> Unreadable(FakeLogger<ChainSyncService> logger) =>
        [.. logger.Collector.GetSnapshot().Where(r => r.Message.Contains("outbox could not be read", StringComparison.Ordinal))];

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
