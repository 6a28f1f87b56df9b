using Microsoft.Extensions.Logging;

namespace PosLoyalty.Service;

/// <summary>
/// Every log message of the service project, source-generated ([LoggerMessage]) with stable event ids: 100–199 the
/// till (pairing scans with sales), 200–299 the hosted services (devices and housekeeping), 400–449 the
/// panel socket (the ids it had in Host, kept so a journal filter on them still works), 1000–1099 the receipt tap and
/// printer link, 1100–1199 the POS event protocol and the listening sockets, 1300–1399 the systemd watchdog. No message carries receipt text, item
/// descriptions or anything else a customer could be recognised by (docs/architecture.md, "Rules that keep data safe"): only devices, counts and reasons.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "Receipt tap input {Input} cannot be opened ({Reason}); retrying in {RetryDelay}")]
    public static partial void TapInputOpenFailed(this ILogger logger, string input, string reason, TimeSpan retryDelay);

    [LoggerMessage(1001, LogLevel.Information, "POS link {Link} opened")]
    public static partial void PosLinkOpened(this ILogger logger, string link);

    [LoggerMessage(1002, LogLevel.Information, "POS link {Link} ended after {ByteCount} bytes; {DroppedReplyByteCount} printer reply bytes could not be sent back")]
    public static partial void PosLinkEnded(this ILogger logger, string link, long byteCount, long droppedReplyByteCount);

    [LoggerMessage(1003, LogLevel.Warning, "POS link {Link} broke: {Reason}")]
    public static partial void PosLinkBroke(this ILogger logger, string link, string reason);

    [LoggerMessage(1004, LogLevel.Error, "The sale hook at a receipt cut failed; the receipt is passed on without a coupon")]
    public static partial void AtCutHookFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1005, LogLevel.Warning, "The sale hook at a receipt cut took longer than {Timeout}; the cut is passed on without a coupon")]
    public static partial void AtCutHookTimedOut(this ILogger logger, TimeSpan timeout);

    [LoggerMessage(1006, LogLevel.Error, "The hook for a receipt not ended by a cut failed; nothing is added")]
    public static partial void AfterReceiptHookFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1007, LogLevel.Warning, "The cut at stream offset {CutStreamOffset} had already gone to the printer; {CouponByteCount} coupon bytes follow it")]
    public static partial void CutAlreadySent(this ILogger logger, long cutStreamOffset, int couponByteCount);

    [LoggerMessage(1008, LogLevel.Debug, "{ByteCount} printer bytes arrived with no POS link to relay them to")]
    public static partial void PrinterBytesWithoutPosLink(this ILogger logger, int byteCount);

    [LoggerMessage(1009, LogLevel.Information, "Receipt tap input {Input} has ended (file read to its end)")]
    public static partial void TapInputEnded(this ILogger logger, string input);

    [LoggerMessage(1010, LogLevel.Information, "Printer {Device} connected")]
    public static partial void PrinterConnected(this ILogger logger, string device);

    [LoggerMessage(1011, LogLevel.Warning, "Printer {Device} cannot be reached ({Reason}); {QueuedByteCount} bytes wait, retrying in {RetryDelay}")]
    public static partial void PrinterOpenFailed(this ILogger logger, string device, string reason, long queuedByteCount, TimeSpan retryDelay);

    [LoggerMessage(1012, LogLevel.Warning, "Writing to printer {Device} failed ({Reason}); {QueuedByteCount} bytes wait, reconnecting in {RetryDelay}")]
    public static partial void PrinterWriteFailed(this ILogger logger, string device, string reason, long queuedByteCount, TimeSpan retryDelay);

    [LoggerMessage(1013, LogLevel.Warning, "Printer {Device} link lost: {Reason}")]
    public static partial void PrinterLinkLost(this ILogger logger, string device, string reason);

    [LoggerMessage(1014, LogLevel.Information, "Printer {Device} reports paper out: {PaperOut}")]
    public static partial void PrinterPaperOutChanged(this ILogger logger, string device, bool paperOut);

    [LoggerMessage(1015, LogLevel.Warning, "Printer {Device} is behind by more than the memory limit; {SpooledByteCount} bytes spooled to {SpoolPath}")]
    public static partial void PrinterSpooling(this ILogger logger, string device, long spooledByteCount, string spoolPath);

    [LoggerMessage(1016, LogLevel.Error, "A handler of printer bytes from {Device} failed; the bytes were still relayed")]
    public static partial void PrinterBytesHandlerFailed(this ILogger logger, string device, Exception exception);

    [LoggerMessage(1017, LogLevel.Error, "Queueing POS bytes for the printer failed (spool directory full or unwritable); retrying in {RetryDelay}")]
    public static partial void EnqueueFailed(this ILogger logger, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(1100, LogLevel.Information, "POS events listening on {Endpoint}")]
    public static partial void PosEventsListening(this ILogger logger, string endpoint);

    [LoggerMessage(1101, LogLevel.Debug, "POS event connection {Connection} opened")]
    public static partial void PosEventConnectionOpened(this ILogger logger, string connection);

    [LoggerMessage(1102, LogLevel.Debug, "POS event connection {Connection} closed after {LineCount} lines")]
    public static partial void PosEventConnectionClosed(this ILogger logger, string connection, long lineCount);

    [LoggerMessage(1103, LogLevel.Warning, "POS event line {LineNumber} from {Connection} rejected: {Error}")]
    public static partial void PosEventRejected(this ILogger logger, long lineNumber, string connection, string error);

    [LoggerMessage(1104, LogLevel.Error, "The POS event hook failed on line {LineNumber} from {Connection}")]
    public static partial void PosEventHookFailed(this ILogger logger, long lineNumber, string connection, Exception exception);

    [LoggerMessage(1105, LogLevel.Warning, "POS event connection {Connection} broke: {Reason}")]
    public static partial void PosEventConnectionBroke(this ILogger logger, string connection, string reason);

    [LoggerMessage(1106, LogLevel.Warning, "POS event listener on {Endpoint} failed to accept ({Reason}); retrying in {RetryDelay}")]
    public static partial void PosEventAcceptFailed(this ILogger logger, string endpoint, string reason, TimeSpan retryDelay);

    [LoggerMessage(1107, LogLevel.Information, "POS event line {LineNumber} from {Connection}: {Result}")]
    public static partial void PosEventHandled(this ILogger logger, long lineNumber, string connection, string result);

    [LoggerMessage(1108, LogLevel.Information, "Stale POS event socket {Path} removed")]
    public static partial void PosEventsStaleSocketRemoved(this ILogger logger, string path);

    [LoggerMessage(1109, LogLevel.Error, "POS events are not listened for: {Problem}")]
    public static partial void PosEventsNotListening(this ILogger logger, string problem);

    [LoggerMessage(1110, LogLevel.Warning, "POS event connection {Connection} refused: {MaxConnections} connections are open already")]
    public static partial void PosEventConnectionRefused(this ILogger logger, string connection, int maxConnections);

    [LoggerMessage(1111, LogLevel.Warning, "POS event receipt {ReceiptNumber} for till {TillId} says currency {Sent}; counted in the shop's {Shop}")]
    public static partial void PosEventCurrencyMismatch(this ILogger logger, string receiptNumber, string tillId, string sent, string shop);

    [LoggerMessage(1112, LogLevel.Warning, "Listener on {Endpoint} failed to accept ({Reason}); retrying in {RetryDelay}")]
    public static partial void SocketAcceptFailed(this ILogger logger, string endpoint, string reason, TimeSpan retryDelay);

    [LoggerMessage(1113, LogLevel.Error, "A connection on {Endpoint} failed; the listener goes on")]
    public static partial void SocketConnectionFailed(this ILogger logger, string endpoint, Exception exception);

    // The panel socket: uids, counts and kinds, never names or card numbers.
    [LoggerMessage(400, LogLevel.Information, "Panel socket listening on {Path} (mode 0660, group {Group})")]
    public static partial void PanelSocketListening(this ILogger logger, string path, string group);

    [LoggerMessage(401, LogLevel.Error, "Panel socket {Path} could not be opened; the till works on without panels")]
    public static partial void PanelSocketListenFailed(this ILogger logger, Exception exception, string path);

    [LoggerMessage(402, LogLevel.Information, "Panel attached (uid {UserId}, pid {ProcessId})")]
    public static partial void PanelAttached(this ILogger logger, uint userId, int processId);

    [LoggerMessage(403, LogLevel.Warning, "Panel refused: uid {UserId} (pid {ProcessId}) is not root, the service user or in group {GroupId}")]
    public static partial void PanelRefused(this ILogger logger, uint userId, int processId, uint groupId);

    [LoggerMessage(404, LogLevel.Information, "Panel detached (uid {UserId})")]
    public static partial void PanelDetached(this ILogger logger, uint userId);

    [LoggerMessage(405, LogLevel.Warning, "Panel sent a line that is not a command ({Length} characters)")]
    public static partial void PanelBadCommand(this ILogger logger, int length);

    [LoggerMessage(406, LogLevel.Error, "Panel command {Command} failed; the panel was told")]
    public static partial void PanelCommandFailed(this ILogger logger, Exception exception, string command);

    [LoggerMessage(407, LogLevel.Error, "A till event could not be shown on the panels; the till goes on")]
    public static partial void PanelMappingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(408, LogLevel.Warning, "Manager PIN refused at the panel for customer {CustomerId} (audited)")]
    public static partial void PanelPinRefused(this ILogger logger, long customerId);

    [LoggerMessage(409, LogLevel.Warning, "Group 'posloyalty' does not exist: the panel socket keeps the service's group {GroupId}")]
    public static partial void PanelSocketGroupMissing(this ILogger logger, uint groupId);

    [LoggerMessage(410, LogLevel.Warning, "Removed a stale panel socket at {Path}")]
    public static partial void PanelStaleSocketRemoved(this ILogger logger, string path);

    [LoggerMessage(411, LogLevel.Information, "Panel command {Command} from uid {UserId}")]
    public static partial void PanelCommandReceived(this ILogger logger, string command, uint userId);

    [LoggerMessage(412, LogLevel.Debug, "Panel warm-up skipped; the first scan compiles what it needs")]
    public static partial void PanelWarmUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(413, LogLevel.Information, "Receipt capture of {Count} receipt(s) started for uid {UserId}")]
    public static partial void ReceiptCaptureStarted(this ILogger logger, int count, uint userId);

    [LoggerMessage(414, LogLevel.Information, "Receipt capture for uid {UserId} ended: {Sent} of {Count} receipt(s) sent, {MaskedDigits} digit(s) masked")]
    public static partial void ReceiptCaptureEnded(this ILogger logger, uint userId, int sent, int count, int maskedDigits);

    [LoggerMessage(415, LogLevel.Warning, "Receipt capture for uid {UserId} stopped after {Sent} receipt(s): {Reason}")]
    public static partial void ReceiptCaptureStopped(this ILogger logger, uint userId, int sent, string reason);

    // The till: ids and amounts only, no names, no card numbers, no receipt text, no scans.
    [LoggerMessage(100, LogLevel.Information, "Customer {CustomerId} identified at till {TillId}")]
    public static partial void CustomerIdentified(this ILogger logger, long customerId, string tillId);

    [LoggerMessage(101, LogLevel.Information, "Unknown card scanned at till {TillId}: offering enrolment")]
    public static partial void UnknownCard(this ILogger logger, string tillId);

    [LoggerMessage(102, LogLevel.Information, "Coupon redeemed at till {TillId} for customer {CustomerId}")]
    public static partial void CouponRedeemed(this ILogger logger, string tillId, long? customerId);

    [LoggerMessage(103, LogLevel.Information, "Sale {ReceiptNumber} on till {TillId} recorded for customer {CustomerId}: {Points} points, {Coupons} coupon(s)")]
    public static partial void SaleRecorded(this ILogger logger, string receiptNumber, string tillId, long customerId, long points, int coupons);

    [LoggerMessage(104, LogLevel.Information, "Sale {ReceiptNumber} on till {TillId} kept unclaimed (no customer at the counter)")]
    public static partial void SaleUnclaimed(this ILogger logger, string receiptNumber, string tillId);

    [LoggerMessage(105, LogLevel.Information, "Receipt {ReceiptNumber} on till {TillId} earns nothing: {Reason}")]
    public static partial void ReceiptIgnored(this ILogger logger, string receiptNumber, string tillId, string reason);

    [LoggerMessage(106, LogLevel.Information, "Receipt {ReceiptNumber} on till {TillId} reversed ({Kind}): {Points} points")]
    public static partial void RefundRecorded(this ILogger logger, string receiptNumber, string tillId, string kind, long points);

    [LoggerMessage(107, LogLevel.Information, "Scan refused at till {TillId}: {Reason}")]
    public static partial void ScanRefused(this ILogger logger, string tillId, string reason);

    [LoggerMessage(108, LogLevel.Warning, "Receipt {ReceiptNumber} printed currency {Printed} but the shop's is {Shop}: counted in {Shop}. Check ReceiptTap:Profile and the rules file's Currency (doctor lists these)")]
    public static partial void CurrencyMismatch(this ILogger logger, string receiptNumber, string printed, string shop);

    [LoggerMessage(109, LogLevel.Error, "Receipt {ReceiptNumber} on till {TillId} could not be recorded; the printer still got every byte")]
    public static partial void ReceiptFailed(this ILogger logger, Exception exception, string receiptNumber, string tillId);

    [LoggerMessage(110, LogLevel.Information, "Late scan at till {TillId} claimed receipt {ReceiptNumber} for customer {CustomerId}")]
    public static partial void LateScanClaimed(this ILogger logger, string tillId, string receiptNumber, long customerId);

    [LoggerMessage(111, LogLevel.Information, "Customer cleared at till {TillId}: {Reason}")]
    public static partial void Cleared(this ILogger logger, string tillId, string reason);

    [LoggerMessage(112, LogLevel.Information, "Sale {ReceiptNumber} on till {TillId} waits for the cashier as pending sale {PendingId}: {Reason}")]
    public static partial void SalePending(this ILogger logger, string receiptNumber, string tillId, long pendingId, string reason);

    [LoggerMessage(113, LogLevel.Information, "Receipt on till {TillId} is not a sale ({Kind}): nothing credited")]
    public static partial void NotASale(this ILogger logger, string tillId, string kind);

    [LoggerMessage(114, LogLevel.Information, "Pending sale {PendingId} on till {TillId} {Decision}")]
    public static partial void PendingDecided(this ILogger logger, long pendingId, string tillId, string decision);

    // 200–299: the hosted services — devices and housekeeping.
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

    // 1300–1399: the systemd watchdog.
    [LoggerMessage(1300, LogLevel.Information, "systemd watchdog on: a ping every {IntervalMilliseconds} ms")]
    public static partial void WatchdogEnabled(ILogger logger, double intervalMilliseconds);

    [LoggerMessage(1301, LogLevel.Error, "The till did not answer within {Seconds} s: watchdog pings withheld, systemd will restart the service")]
    public static partial void WatchdogWithheld(ILogger logger, double seconds);

    [LoggerMessage(1302, LogLevel.Information, "The till answers again: watchdog pings resumed")]
    public static partial void WatchdogResumed(ILogger logger);

    [LoggerMessage(1303, LogLevel.Warning, "sd_notify to NOTIFY_SOCKET failed ({Reason}); the service runs on without telling systemd")]
    public static partial void NotifyFailed(ILogger logger, string reason);
}
