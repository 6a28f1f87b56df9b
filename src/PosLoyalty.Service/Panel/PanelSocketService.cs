using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Interop;

namespace PosLoyalty.Service.Panel;

/// <summary>
/// The Unix socket cashier panels attach to (Panel:Socket; issue #6 item 8): mode 0660, group posloyalty when
/// that group exists, a stale socket file replaced, each peer checked with SO_PEERCRED. JSON lines both ways:
/// events out from <see cref="PanelFeed"/>, commands in to <see cref="PanelCommandHandler"/>. Any number of
/// panels may attach; each has its own queue, so a slow one never holds up the till or the others. A
/// `captureReceipts` request (`posloyalty receipts capture`) runs beside the connection's other commands.
/// </summary>
public sealed class PanelSocketService(PanelOptions options, PanelFeed feed, PanelCommandHandler handler, PanelReceiptCapture captures, TimeProvider time, ILogger<PanelSocketService> logger) : BackgroundService
{
    public const string GroupName = "posloyalty";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the socket's full path once panels can connect (tests and the in-process demo wait on it).</summary>
    public Task<string> Listening => _listening.Task;

    /// <summary>Who may attach; set once listening.</summary>
    public PanelPeerPolicy? Policy { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.GetFullPath(options.Socket);
        SocketListener listener;
        try
        {
            var group = SocketGroup();
            listener = SocketListener.ListenUnix(path, "Panel:Socket", group);
            if (listener.ReplacedStaleSocket)
            {
                logger.PanelStaleSocketRemoved(path);
            }

            Policy = new PanelPeerPolicy(Libc.EffectiveUserId(), group);
            logger.PanelSocketListening(path, group.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            logger.PanelSocketListenFailed(ex, path);
            _listening.TrySetException(ex);
            return;
        }

        _listening.TrySetResult(path);
        await listener.AcceptAsync(ServeAsync, time, logger, stoppingToken);
    }

    /// <summary>The posloyalty group when it exists (a kiosk install creates it); else the service's own group.</summary>
    private uint SocketGroup()
    {
        if (Libc.GroupId(GroupName) is { } gid)
        {
            return gid;
        }

        var own = Libc.EffectiveGroupId();
        logger.PanelSocketGroupMissing(own);
        return own;
    }

    private async Task ServeAsync(Socket socket, CancellationToken stoppingToken)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        using var writeGate = new SemaphoreSlim(1, 1);
        PanelPeer peer;
        try
        {
            peer = PanelPeer.Of(socket);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return;
        }

        async Task Send(PanelEvent panelEvent)
        {
            var bytes = Utf8.GetBytes(PanelJson.SerializeEvent(panelEvent) + "\n");
            await writeGate.WaitAsync(connection.Token);
            try
            {
                await stream.WriteAsync(bytes, connection.Token);
            }
            finally
            {
                writeGate.Release();
            }
        }

        try
        {
            if (Policy is not { } policy || !policy.Allows(peer))
            {
                logger.PanelRefused(peer.UserId, peer.ProcessId, Policy?.SocketGroupId ?? 0);
                await Send(new ServiceMessageEvent($"refused: uid {peer.UserId} is not root, the service's user or in group {GroupName}", IsError: true));
                return;
            }

            logger.PanelAttached(peer.UserId, peer.ProcessId);
            using var subscription = feed.Subscribe();
            var writer = Task.Run(
                async () =>
                {
                    try
                    {
                        await foreach (var panelEvent in subscription.Events.ReadAllAsync(connection.Token))
                        {
                            await Send(panelEvent);
                        }
                    }
                    finally
                    {
                        await connection.CancelAsync(); // the panel is gone (or the service stops): stop reading too
                    }
                },
                CancellationToken.None);

            var capturing = new List<Task>();
            using (var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            {
                while (await reader.ReadLineAsync(connection.Token) is { } line)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    if (!handler.TryRead(line, peer.UserId, out var command, out var error))
                    {
                        await Send(error);
                        continue;
                    }

                    if (command is CaptureReceiptsCommand capture)
                    {
                        capturing.Add(captures.RunAsync(capture, Send, peer.UserId, connection.Token));
                        continue;
                    }

                    foreach (var reply in handler.Handle(command))
                    {
                        await Send(reply);
                    }
                }
            }

            await connection.CancelAsync();
            await writer.ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.WhenAll(capturing);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The panel went away, or the service is stopping.
        }
        finally
        {
            logger.PanelDetached(peer.UserId);
        }
    }
}
