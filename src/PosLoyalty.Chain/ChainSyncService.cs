using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>
/// Keeps the till in step with the chain: a sync round at every pull interval, and at once when the SQLite file
/// changes and the outbox holds something (inotify on the file and its WAL, so a change made by the CLI in another
/// process counts too). On failure it backs off, doubling from 1 s up to Chain:MaxRetryDelay; the till keeps selling.
/// While the chain stays away it warns at each of the first attempts, then once a minute (each attempt in between is
/// logged at debug level), so a server down for a day does not fill the journal.
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
        var delay = options.PullInterval;
        var backoff = new Backoff(TimeSpan.FromSeconds(1), options.MaxRetryDelay);
        var warnings = new UnreachableWarnings();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await sync.RunOnceAsync(stoppingToken);
                var state = outbox.ReadState();
                var failures = warnings.Failures;
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

                warnings.Succeeded();
                backoff.Reset();
                delay = options.PullInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                delay = backoff.Next();
                var warn = warnings.Failed(time.GetUtcNow());
                var reason = ChainConnection.Explain(ex);
                if (!TryReadState(out var state, out var unreadable))
                {
                    // The till's own file could not be read (the failure may well be that): report it and try again
                    // later. An exception here would end this service and, with it, the host and the till's sales.
                    logger.SyncFailedOutboxUnreadable(warn ? LogLevel.Warning : LogLevel.Debug, reason, unreadable, warnings.Failures, delay);
                }
                else if (warn)
                {
                    logger.SyncFailed(reason, state.OutboxDepth, LagSeconds(state), delay);
                }
                else
                {
                    logger.SyncStillFailing(reason, warnings.Failures, state.OutboxDepth, delay);
                }
            }

            await WaitAsync(changes.Reader, delay, wakeOnChange: warnings.Failures == 0, stoppingToken);
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

            // The interval runs on the injected clock, as the rest of the loop does.
            using var interval = new CancellationTokenSource(left, time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
            try
            {
                await changes.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the interval is up, or the service stops
            }

            // The file changed. Sync's own writes change it too: only a change that left something to push is worth
            // a round before the interval; while backing off, nothing is. The change is seen before its commit is
            // visible, so the check waits for that commit (a plain read would miss it, and the sale would wait for
            // the interval). A file that cannot be read now is the round's to report.
            if (wakeOnChange && HasUnpushed())
            {
                return;
            }
        }
    }

    private bool TryReadState([NotNullWhen(true)] out ChainSyncState? state, out string unreadable)
    {
        try
        {
            state = outbox.ReadState();
            unreadable = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state = null;
            unreadable = ex.Message;
            return false;
        }
    }

    private bool HasUnpushed()
    {
        try
        {
            return outbox.HasUnpushedOnceCommitted();
        }
        catch (SqliteException)
        {
            return true;
        }
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
