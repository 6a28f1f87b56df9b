using Microsoft.Extensions.Logging;

namespace PosLoyalty.Chain;

/// <summary>The chain's log lines. None names a customer or holds a connection string's password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Chain sync started: shop {ShopId}, till {TillId}, PostgreSQL {Server}")]
    public static partial void SyncStarted(this ILogger logger, string shopId, string tillId, string server);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Chain sync: pushed {PushedCount}, pulled {PulledCount}, applied {AppliedCount}; outbox {OutboxDepth} waiting, lag {LagSeconds:F1} s")]
    public static partial void Synced(this ILogger logger, int pushedCount, int pulledCount, int appliedCount, long outboxDepth, double lagSeconds);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Chain sync failed ({Reason}); outbox {OutboxDepth} waiting, lag {LagSeconds:F1} s; next try in {RetryDelay}")]
    public static partial void SyncFailed(this ILogger logger, string reason, long outboxDepth, double lagSeconds, TimeSpan retryDelay);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Debug, Message = "Chain sync still failing ({Reason}), attempt {Attempt}; outbox {OutboxDepth} waiting; next try in {RetryDelay}")]
    public static partial void SyncStillFailing(this ILogger logger, string reason, int attempt, long outboxDepth, TimeSpan retryDelay);

    [LoggerMessage(EventId = 9008, Message = "Chain sync failed ({Reason}); this till's outbox could not be read either ({OutboxError}), attempt {Attempt}; next try in {RetryDelay}")]
    public static partial void SyncFailedOutboxUnreadable(this ILogger logger, LogLevel level, string reason, string outboxError, int attempt, TimeSpan retryDelay);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Chain sync working again after {FailureCount} failed attempts")]
    public static partial void SyncRecovered(this ILogger logger, int failureCount);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "Chain: {WaitingCount} pulled events wait to apply and {ConflictCount} conflicts wait for review (posloyalty chain status)")]
    public static partial void Waiting(this ILogger logger, long waitingCount, long conflictCount);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "Chain not asked about a coupon ({Reason}): Chain:OfflineRedemption decides")]
    public static partial void CouponAskFailed(this ILogger logger, string reason);

}
