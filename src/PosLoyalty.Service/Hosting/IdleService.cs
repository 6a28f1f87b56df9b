using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Clears a customer past the active-customer timeout, and when the till has been quiet for a moment after something
/// happened folds the WAL back into the database (PASSIVE), so no sale pays for a checkpoint. It sleeps on the till's
/// events and wakes only when one of the two is due: an idle till with nobody at the counter sets no timer at all.
/// </summary>
public sealed class IdleService(TillSession session, LoyaltyDatabase database, TillEventHub hub, IOptions<TillOptions> till, TimeProvider time, ILogger<IdleService> logger) : BackgroundService
{
    private static readonly TimeSpan QuietBeforeCheckpoint = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = till.Value.ActiveCustomerTimeout;
        using var events = hub.Subscribe();

        // The service wrote at start (migrations, the integrity check): one checkpoint once it is quiet.
        DateTimeOffset? checkpointDue = time.GetUtcNow() + QuietBeforeCheckpoint;
        DateTimeOffset? expiryDue = null;
        Task<bool>? nextEvent = null;
        try
        {
            while (true)
            {
                nextEvent ??= events.Events.WaitToReadAsync(stoppingToken).AsTask();
                var due = Earliest(checkpointDue, expiryDue);
                if (due is { } at)
                {
                    using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var wait = at - time.GetUtcNow();
                    var delay = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, timer.Token);
                    if (await Task.WhenAny(nextEvent, delay) != delay)
                    {
                        await timer.CancelAsync();
                    }
                }
                else
                {
                    await nextEvent;
                }

                stoppingToken.ThrowIfCancellationRequested();
                if (nextEvent.IsCompleted)
                {
                    if (!await nextEvent)
                    {
                        return;
                    }

                    nextEvent = null;
                }

                var now = time.GetUtcNow();
                while (events.Events.TryRead(out var e))
                {
                    checkpointDue = now + QuietBeforeCheckpoint;
                    if (e is CustomerIdentified { LateClaim: null } identified)
                    {
                        expiryDue = identified.At + timeout;
                    }
                }

                if (expiryDue <= now)
                {
                    session.ExpireIfIdle();

                    // Still someone at the counter (the session restarted their time): look again when theirs can end.
                    expiryDue = session.ActiveCustomer is null ? null : now + timeout;
                }

                if (checkpointDue <= now)
                {
                    checkpointDue = null;
                    try
                    {
                        database.Checkpoint();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log.CheckpointFailed(logger, ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
