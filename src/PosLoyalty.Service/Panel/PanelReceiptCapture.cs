using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Panel;

/// <summary>
/// A `captureReceipts` request on the panel socket (docs/adr/0012-receipt-capture-over-the-panel-socket.md): the next
/// receipts the tap reads, masked, to that connection only, then the capture ends. The socket's peer check has already
/// let the caller in. The log says who asked and how many receipts went, never what they held.
/// </summary>
public sealed class PanelReceiptCapture(ReceiptCaptureHub hub, ILogger<PanelReceiptCapture> logger)
{
    /// <summary>The most receipts one capture may ask for.</summary>
    public const int MaxCount = 1000;

    /// <summary>Runs one capture; returns when it has sent its receipts, failed, or the connection went away.</summary>
    public async Task RunAsync(CaptureReceiptsCommand command, Func<PanelEvent, Task> send, uint userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(send);
        var sent = 0;
        var masked = 0;
        try
        {
            if (command.Count is < 1 or > MaxCount)
            {
                await send(new CaptureFailedEvent($"a capture takes 1 to {MaxCount} receipts, not {command.Count}"));
                return;
            }

            if (!hub.HasTap)
            {
                await send(new CaptureFailedEvent("this service has no receipt tap (ReceiptTap:Input is not set): there is nothing to capture", NoReceiptTap: true));
                return;
            }

            using var capture = hub.Start();
            logger.ReceiptCaptureStarted(command.Count, userId);
            await send(new CaptureStartedEvent(command.Count, capture.SkipsReceiptInProgress));
            while (sent < command.Count)
            {
                CapturedReceipt? receipt;
                try
                {
                    receipt = await capture.NextAsync(cancellationToken);
                }
                catch (ReceiptCaptureException ex)
                {
                    logger.ReceiptCaptureStopped(userId, sent, ex.Message);
                    await send(new CaptureFailedEvent(ex.Message));
                    return;
                }

                if (receipt is null)
                {
                    const string reason = "the receipt tap stopped (the service is stopping, or its capture file was read through)";
                    logger.ReceiptCaptureStopped(userId, sent, reason);
                    await send(new CaptureFailedEvent(reason));
                    return;
                }

                sent++;
                masked += receipt.MaskedDigits;
                await send(new CapturedReceiptEvent(sent, receipt.Bytes, receipt.MaskedDigits));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The caller went away (Ctrl-C) or the service is stopping: the capture ends with the connection.
        }

        logger.ReceiptCaptureEnded(userId, sent, command.Count, masked);
    }
}
