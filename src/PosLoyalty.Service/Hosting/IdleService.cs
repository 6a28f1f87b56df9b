using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Once a second: clears a customer past the active-customer timeout, and when the till has been quiet
/// for a moment folds the WAL back into the database (PASSIVE), so no sale pays for a checkpoint.
/// </summary>
public sealed class IdleService(TillSession session, LoyaltyDatabase database, TillEventHub hub, TimeProvider time, ILogger<IdleService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietBeforeCheckpoint = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var events = hub.Subscribe();
        var lastActivity = time.GetUtcNow();
        var dirty = true;
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                while (events.Events.TryRead(out _))
                {
                    lastActivity = time.GetUtcNow();
                    dirty = true;
                }

                session.ExpireIfIdle();
                if (dirty && time.GetUtcNow() - lastActivity >= QuietBeforeCheckpoint)
                {
                    try
                    {
                        database.Checkpoint();
                        dirty = false;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        ServiceLog.CheckpointFailed(logger, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
