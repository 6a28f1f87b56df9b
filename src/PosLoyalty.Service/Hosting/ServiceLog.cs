using Microsoft.Extensions.Logging;

namespace PosLoyalty.Service.Hosting;

/// <summary>The hosted services' log lines (event ids 200–299): devices and housekeeping; never personal data.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(200, LogLevel.Information, "{Device} open: {Detail}")]
    public static partial void DeviceOpened(ILogger logger, string device, string detail);

    [LoggerMessage(201, LogLevel.Warning, "{Device} unavailable ({Reason}); retrying in {RetryMilliseconds} ms")]
    public static partial void DeviceUnavailable(ILogger logger, string device, string reason, double retryMilliseconds);

    [LoggerMessage(202, LogLevel.Error, "A {Device} event could not be handled; the service goes on")]
    public static partial void HandlingFailed(ILogger logger, Exception exception, string device);

    [LoggerMessage(203, LogLevel.Warning, "Idle checkpoint failed; SQLite's automatic checkpoint still bounds the WAL")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(204, LogLevel.Information, "Coupon printed on till {TillId}")]
    public static partial void CouponPrinted(ILogger logger, string tillId);

    [LoggerMessage(205, LogLevel.Information, "{Count} coupon(s) wait for the printer on till {TillId}")]
    public static partial void CouponsWaiting(ILogger logger, int count, string tillId);

    [LoggerMessage(206, LogLevel.Information, "Daily backup written to {Path}; {Deleted} old backup(s) removed")]
    public static partial void BackupWritten(ILogger logger, string path, int deleted);

    [LoggerMessage(207, LogLevel.Error, "Daily backup into {Directory} failed; doctor shows the last good backup")]
    public static partial void BackupFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(208, LogLevel.Information, "Database quick_check: ok")]
    public static partial void IntegrityChecked(ILogger logger);

    [LoggerMessage(209, LogLevel.Critical, "Database quick_check failed ({Result}): stopping before more is written. Run `posloyalty doctor`, then restore a backup")]
    public static partial void IntegrityFailed(ILogger logger, string result);
}
