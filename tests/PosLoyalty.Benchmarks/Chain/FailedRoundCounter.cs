using Microsoft.Extensions.Logging;
using PosLoyalty.Chain;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>
/// The sync service's logger in the benchmark: writes nothing, counts the rounds that failed (the service's
/// "Chain sync failed" and "still failing" lines, warning or debug) and keeps the first reason, so a lag figure comes with how many rounds
/// backed off beside it.
/// </summary>
internal sealed class FailedRoundCounter : ILogger<ChainSyncService>
{
    private const int SyncFailedEventId = 9003;
    private const int SyncStillFailingEventId = 9007;

    private int failedRounds;
    private string? firstReason;

    public int FailedRounds => Volatile.Read(ref failedRounds);

    public string? FirstReason => Volatile.Read(ref firstReason);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id is SyncFailedEventId or SyncStillFailingEventId)
        {
            Interlocked.Increment(ref failedRounds);
            Interlocked.CompareExchange(ref firstReason, formatter(state, exception), null);
        }
    }
}
