using System.Globalization;
using System.Net;
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
    private const int Backlog = 16;

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
        using var listener = endpoint.Kind == PosEventsEndpointKind.Unix ? BindUnix(endpoint.Path!) : BindTcp(endpoint.Host!, endpoint.Port);
        var name = endpoint.Kind == PosEventsEndpointKind.Unix
            ? endpoint.ToString()
            : string.Create(CultureInfo.InvariantCulture, $"tcp://{listener.LocalEndPoint}");
        var connections = new HashSet<Task>();
        board.Set(DeviceStatusBoard.PosEvents, DeviceState.Ok, "listening on " + name);
        _logger.PosEventsListening(name);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync(stoppingToken);
                }
                catch (SocketException ex)
                {
                    // Out of descriptors or a connection reset while queued: the listener itself is fine.
                    var wait = _backoff.Next();
                    _logger.PosEventAcceptFailed(name, ex.Message, wait);
                    await Delay(wait, stoppingToken);
                    continue;
                }

                _backoff.Reset();
                var connection = Describe(socket, endpoint);
                var link = new StreamPosLink(new NetworkStream(socket, ownsSocket: true), connection, hasBackChannel: true);
                var served = ServeAsync(link, stoppingToken);
                lock (connections)
                {
                    connections.Add(served);
                }

                _ = served.ContinueWith(
                    finished =>
                    {
                        lock (connections)
                        {
                            connections.Remove(finished);
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        finally
        {
            listener.Dispose();
            Task[] running;
            lock (connections)
            {
                running = [.. connections];
            }

            await Task.WhenAll(running);
            if (endpoint.Kind == PosEventsEndpointKind.Unix)
            {
                TryDelete(endpoint.Path!);
            }
        }
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

    private Socket BindUnix(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            if (IsAnswering(path))
            {
                throw new IOException($"another service already listens on {path}: stop it, or give this one another {PosEventsEndpoint.ConfigurationKey}");
            }

            File.Delete(path);
            _logger.PosEventsStaleSocketRemoved(path);
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // 0660: the service's user and group (the POS bridge's user joins that group); nobody else.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            }

            socket.Listen(Backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static Socket BindTcp(string host, int port)
    {
        var address = IPAddress.TryParse(host, out var parsed) ? parsed
            : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : Dns.GetHostAddresses(host)[0];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // A restarted service must get its port back at once, not after TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(Backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
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

    private static bool IsAnswering(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Replaced as stale at the next start.
        }
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
