using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>
/// Keeps the till in step with the chain: a sync round at every pull interval, and at once when the SQLite file
/// changes and the outbox holds something (inotify on the file and its WAL, so a change made by the CLI in another
/// process counts too). On failure it backs off, doubling up to Chain:MaxRetryDelay; the till keeps selling.
/// </summary>
public sealed class ChainSyncService(
    ChainSync sync,
    ChainOutbox outbox,
    LoyaltyDatabase database,
    ChainOptions options,
    ChainIdentity identity,
    TimeProvider time,
    ILogger<ChainSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = WatchDatabase(changes.Writer);
        logger.SyncStarted(identity.ShopId, identity.TillId, identity.Server);
        var failures = 0;
        var delay = options.PullInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await sync.RunOnceAsync(stoppingToken);
                var state = outbox.ReadState();
                if (failures > 0)
                {
                    logger.SyncRecovered(failures);
                }

                if (round.Pushed > 0 || round.Pulled > 0 || failures > 0)
                {
                    logger.Synced(round.Pushed, round.Pulled, round.Applied, state.OutboxDepth, LagSeconds(state));
                }

                if (round.Pulled > 0 && (state.WaitingToApply > 0 || state.Conflicts > 0))
                {
                    logger.Waiting(state.WaitingToApply, state.Conflicts);
                }

                failures = 0;
                delay = options.PullInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                failures++;
                delay = Backoff(failures);
                var state = outbox.ReadState();
                logger.SyncFailed(ChainConnection.Explain(ex), state.OutboxDepth, LagSeconds(state), delay);
            }

            await WaitAsync(changes.Reader, delay, wakeOnChange: failures == 0, stoppingToken);
        }
    }

    private async Task WaitAsync(ChannelReader<bool> changes, TimeSpan delay, bool wakeOnChange, CancellationToken stoppingToken)
    {
        var until = time.GetUtcNow() + delay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var left = until - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(left);
            try
            {
                await changes.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the interval is up, or the service stops
            }

            // The file changed. Sync's own writes change it too: only a change that left something to push is worth
            // a round before the interval; while backing off, nothing is.
            if (wakeOnChange && outbox.ReadState().OutboxDepth > 0)
            {
                return;
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(options.MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 16)));
        return TimeSpan.FromSeconds(seconds);
    }

    private double LagSeconds(ChainSyncState state) =>
        state.OldestUnpushedAt is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0;

    private FileSystemWatcher? WatchDatabase(ChannelWriter<bool> changes)
    {
        var directory = Path.GetDirectoryName(database.Path);
        if (directory is null)
        {
            return null;
        }

        var name = Path.GetFileName(database.Path);
        var watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName };
        watcher.Changed += (_, e) =>
        {
            if (e.Name == name || e.Name == name + "-wal")
            {
                changes.TryWrite(true);
            }
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
