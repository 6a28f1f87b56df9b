using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.PosEvents;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The POS event protocol (docs/pos-protocol.md) as a hosted service: JSON lines on `PosEvents:Listen` — a Unix
/// socket (mode 0660) or a TCP port, each with several POS connections at once, or a serial tty reopened when it
/// goes away. One loop per connection; each line is recorded and answered with one reply line after the commit.
/// No input ends a connection or the listener: a bad line gets an error reply and the next line is read.
/// </summary>
public sealed class PosEventsService(
    PosEventsOptions options,
    PosEventDispatcher dispatcher,
    DeviceStatusBoard board,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>Connections served at once; more wait for none and are told so (a POS needs one or two).</summary>
    public const int MaxConnections = 32;

    private const int ReadBufferBytes = 8 * 1024;

    private readonly ILogger _logger = loggerFactory.CreateLogger<PosEventsService>();
    private readonly Backoff _backoff = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    private int _open;
    private long _connectionCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!PosEventsEndpoint.TryParse(options.Listen, out var endpoint, out var error))
        {
            board.Set(DeviceStatusBoard.PosEvents, DeviceState.Error, error);
            _logger.PosEventsNotListening(error);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (endpoint.Kind == PosEventsEndpointKind.Device)
                {
                    await ReadDeviceAsync(endpoint.Path!, stoppingToken);
                    return; // a regular file read to its end
                }

                await ListenAsync(endpoint, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or SocketException or UnauthorizedAccessException)
            {
                var wait = _backoff.Next();
                board.Set(DeviceStatusBoard.PosEvents, DeviceState.Error, $"{endpoint}: {ex.Message}");
                _logger.PosEventAcceptFailed(endpoint.ToString(), ex.Message, wait);
                await Delay(wait, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(PosEventsEndpoint endpoint, CancellationToken stoppingToken)
    {
        var listener = endpoint.Kind == PosEventsEndpointKind.Unix
            ? SocketListener.ListenUnix(endpoint.Path!, PosEventsEndpoint.ConfigurationKey)
            : SocketListener.ListenTcp(endpoint.Host!, endpoint.Port);
        if (listener.ReplacedStaleSocket)
        {
            _logger.PosEventsStaleSocketRemoved(listener.Name);
        }

        var name = endpoint.Kind == PosEventsEndpointKind.Unix ? endpoint.ToString() : listener.Name;
        board.Set(DeviceStatusBoard.PosEvents, DeviceState.Ok, "listening on " + name);
        _logger.PosEventsListening(name);
        _backoff.Reset();
        await listener.AcceptAsync(
            (socket, token) => ServeAsync(new StreamPosLink(new NetworkStream(socket, ownsSocket: true), Describe(socket, endpoint), hasBackChannel: true), token),
            time,
            _logger,
            stoppingToken);
    }

    private async Task ReadDeviceAsync(string path, CancellationToken stoppingToken)
    {
        // TapInput's rules: /dev/… is a serial port (at PosEvents:BaudRate), else a FIFO or file.
        var input = TapInput.Parse(path, options.BaudRate);
        await using var source = new DevicePosLinkSource(input, time, loggerFactory.CreateLogger<DevicePosLinkSource>());
        while (!stoppingToken.IsCancellationRequested)
        {
            board.Set(DeviceStatusBoard.PosEvents, DeviceState.Absent, "waiting for " + path);
            var link = await source.AcceptAsync(stoppingToken);
            if (link is null)
            {
                board.Set(DeviceStatusBoard.PosEvents, DeviceState.Absent, path + " read to its end");
                return;
            }

            board.Set(DeviceStatusBoard.PosEvents, DeviceState.Ok, input.ToString());
            _logger.PosEventsListening(input.ToString());
            await ServeAsync(link, stoppingToken);

            // The device went away (unplugged, hung up): open it again, not in a tight loop.
            await Delay(_backoff.Next(), stoppingToken);
        }
    }

    private async Task ServeAsync(IPosLink link, CancellationToken stoppingToken)
    {
        await Task.Yield(); // the accept loop goes on at once
        await using var owned = link;
        if (Interlocked.Increment(ref _open) > MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            _logger.PosEventConnectionRefused(link.Name, MaxConnections);
            await link.WriteToPosAsync(PosEventReply.Error(0, null, $"too many connections ({MaxConnections} open); try again"), stoppingToken);
            return;
        }

        var reader = new PosEventLineReader();
        var buffer = new byte[ReadBufferBytes];
        var lines = new List<PosEventLine>();
        _logger.PosEventConnectionOpened(link.Name);
        try
        {
            while (true)
            {
                var count = await link.ReadAsync(buffer, stoppingToken);
                if (count == 0)
                {
                    reader.Complete(lines);
                    await AnswerAsync(link, lines, stoppingToken);
                    return;
                }

                reader.Push(buffer.AsSpan(0, count), lines);
                await AnswerAsync(link, lines, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or UnauthorizedAccessException)
        {
            _logger.PosEventConnectionBroke(link.Name, ex.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            _logger.PosEventConnectionClosed(link.Name, reader.LinesRead);
        }
    }

    private async Task AnswerAsync(IPosLink link, List<PosEventLine> lines, CancellationToken stoppingToken)
    {
        foreach (var line in lines)
        {
            // Recorded (committed) before the reply is written: an "ok" is never sent for what is not on disk.
            var reply = dispatcher.Handle(line, link.Name);
            await link.WriteToPosAsync(reply, stoppingToken);
        }

        lines.Clear();
    }

    private string Describe(Socket socket, PosEventsEndpoint endpoint)
    {
        var number = Interlocked.Increment(ref _connectionCount);
        if (endpoint.Kind == PosEventsEndpointKind.Tcp)
        {
            socket.NoDelay = true;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            return string.Create(CultureInfo.InvariantCulture, $"tcp://{socket.RemoteEndPoint}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{endpoint}#{number}");
    }

    private async Task Delay(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
