using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Chain.Tests;

/// <summary>The hosted sync service in-process, with the chain away: nothing listens on its port, so every round fails at once.</summary>
public sealed class ChainSyncServiceFaultTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_outbox_that_cannot_be_read_after_a_failed_round_is_reported_and_the_service_keeps_trying()
    {
        int closedPort = ClosedPort();
        using var till = new TestTill("till-a", ConnectionString(closedPort));
        using (var c = till.Database.OpenConnection())
        using (var drop = c.CreateCommand())
        {
            // The outbox state now fails to read ("no such table"): a damaged file, as far as the service can tell.
            drop.CommandText = "DROP TABLE chain_pulled";
            drop.ExecuteNonQuery();
        }

        var logger = new FakeLogger<ChainSyncService>();
        using var service = Service(till, closedPort, TimeProvider.System, logger);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(
                () => Matching(logger, "outbox could not be read").Count >= 2 || service.ExecuteTask!.IsCompleted,
                Hang,
                "two failed rounds are logged with the outbox unreadable",
                () => Messages(logger));

            Assert.False(service.ExecuteTask!.IsCompleted, $"the sync service ended: {service.ExecuteTask.Exception?.GetBaseException().Message}");
            var first = Matching(logger, "outbox could not be read")[0];
            Assert.Equal(LogLevel.Warning, first.Level);
            Assert.Contains("chain_pulled", first.Message, StringComparison.Ordinal);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_retry_after_a_failed_round_waits_on_the_injected_clock()
    {
        int closedPort = ClosedPort();
        using var till = new TestTill("till-a", ConnectionString(closedPort));
        var logger = new FakeLogger<ChainSyncService>();
        using var service = Service(till, closedPort, till.Clock, logger);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => Matching(logger, "Chain sync failed").Count == 1, Hang, "the first round fails", () => Messages(logger));

            // Twice the retry delay in real time, the fake clock standing still: a wait on the system clock would
            // have tried again by now.
            await Task.Delay(RetryDelay * 2);
            Assert.Single(Matching(logger, "Chain sync failed"));

            till.Clock.Advance(RetryDelay);
            await Eventually.TrueAsync(() => Matching(logger, "Chain sync failed").Count == 2, Hang, "the retry runs once the clock has moved on", () => Messages(logger));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static ChainSyncService Service(TestTill till, int closedPort, TimeProvider time, FakeLogger<ChainSyncService> logger) => new(
        till.Sync,
        till.Outbox,
        till.Database,
        new ChainOptions { PullInterval = RetryDelay, MaxRetryDelay = RetryDelay },
        new ChainIdentity("shop-1", "till-a", $"127.0.0.1:{closedPort}"),
        time,
        logger);

    private static string ConnectionString(int port) => $"Host=127.0.0.1;Port={port};Username=till;Password=secret;Database=chain;Timeout=5";

    private static List<FakeLogRecord> Matching(FakeLogger<ChainSyncService> logger, string text) =>
        [.. logger.Collector.GetSnapshot().Where(r => r.Message.Contains(text, StringComparison.Ordinal))];

    private static string Messages(FakeLogger<ChainSyncService> logger) =>
        string.Join('\n', logger.Collector.GetSnapshot().Select(r => r.Message));

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
