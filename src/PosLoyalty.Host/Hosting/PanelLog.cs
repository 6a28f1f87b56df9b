using Microsoft.Extensions.Logging;

namespace PosLoyalty.Host.Hosting;

/// <summary>The panel socket's log lines (event ids 400–449): uids, counts and kinds, never names or card numbers.</summary>
internal static partial class PanelLog
{
    [LoggerMessage(400, LogLevel.Information, "Panel socket listening on {Path} (mode 0660, group {Group})")]
    public static partial void Listening(ILogger logger, string path, string group);

    [LoggerMessage(401, LogLevel.Error, "Panel socket {Path} could not be opened; the till works on without panels")]
    public static partial void ListenFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(402, LogLevel.Information, "Panel attached (uid {UserId}, pid {ProcessId})")]
    public static partial void Attached(ILogger logger, uint userId, int processId);

    [LoggerMessage(403, LogLevel.Warning, "Panel refused: uid {UserId} (pid {ProcessId}) is not root, the service user or in group {GroupId}")]
    public static partial void Refused(ILogger logger, uint userId, int processId, uint groupId);

    [LoggerMessage(404, LogLevel.Information, "Panel detached (uid {UserId})")]
    public static partial void Detached(ILogger logger, uint userId);

    [LoggerMessage(405, LogLevel.Warning, "Panel sent a line that is not a command ({Length} characters)")]
    public static partial void BadCommand(ILogger logger, int length);

    [LoggerMessage(406, LogLevel.Error, "Panel command {Command} failed; the panel was told")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(407, LogLevel.Error, "A till event could not be shown on the panels; the till goes on")]
    public static partial void MappingFailed(ILogger logger, Exception exception);

    [LoggerMessage(408, LogLevel.Warning, "Manager PIN refused at the panel for customer {CustomerId} (audited)")]
    public static partial void PinRefused(ILogger logger, long customerId);

    [LoggerMessage(409, LogLevel.Warning, "Group 'posloyalty' does not exist: the panel socket keeps the service's group {GroupId}")]
    public static partial void NoPanelGroup(ILogger logger, uint groupId);

    [LoggerMessage(410, LogLevel.Warning, "Removed a stale panel socket at {Path}")]
    public static partial void StaleSocketRemoved(ILogger logger, string path);

    [LoggerMessage(411, LogLevel.Information, "Panel command {Command} from uid {UserId}")]
    public static partial void Command(ILogger logger, string command, uint userId);

    [LoggerMessage(412, LogLevel.Debug, "Panel warm-up skipped; the first scan compiles what it needs")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(413, LogLevel.Information, "Receipt capture of {Count} receipt(s) started for uid {UserId}")]
    public static partial void CaptureStarted(ILogger logger, int count, uint userId);

    [LoggerMessage(414, LogLevel.Information, "Receipt capture for uid {UserId} ended: {Sent} of {Count} receipt(s) sent, {MaskedDigits} digit(s) masked")]
    public static partial void CaptureEnded(ILogger logger, uint userId, int sent, int count, int maskedDigits);

    [LoggerMessage(415, LogLevel.Warning, "Receipt capture for uid {UserId} stopped after {Sent} receipt(s): {Reason}")]
    public static partial void CaptureStopped(ILogger logger, uint userId, int sent, string reason);
}
