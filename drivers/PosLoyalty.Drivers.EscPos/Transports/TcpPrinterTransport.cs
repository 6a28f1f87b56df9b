using System.Globalization;
using System.Net.Sockets;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// A network printer on a raw TCP port (9100). Connects on first use with a timeout; when the
/// connection has dropped (printer restarted, cable pulled) the next write reconnects, and a write
/// that fails on a dead connection is sent once more on a fresh one. Such printers take one client
/// at a time, so a refused connection often means another till is printing.
/// </summary>
public sealed class TcpPrinterTransport : PrinterTransport
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private Socket? _socket;
    private NetworkStream? _stream;
    private bool _disposed;

    /// <summary>A transport to HOST:PORT; nothing is connected until first use or <see cref="ConnectAsync"/>.</summary>
    /// <param name="host">Name or address.</param>
    /// <param name="port">Usually 9100.</param>
    /// <param name="connectTimeout">How long one connection attempt may take; 5 s when null.</param>
    public TcpPrinterTransport(string host, int port = PrinterDevice.DefaultTcpPort, TimeSpan? connectTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var timeout = connectTimeout ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(connectTimeout));
        Host = host;
        Port = port;
        ConnectTimeout = timeout;
        DeviceName = TcpDeviceAddress.Format(host, port);
    }

    /// <summary>Host name or address.</summary>
    public string Host { get; }

    /// <summary>TCP port.</summary>
    public int Port { get; }

    /// <summary>Longest time one connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; }

    /// <inheritdoc />
    public override string DeviceName { get; }

    /// <summary>True while a connection is open (it may still turn out to be dead on the next write).</summary>
    public bool IsConnected
    {
        get
        {
            lock (_sync)
            {
                return _socket is not null;
            }
        }
    }

    /// <inheritdoc />
    public override bool CanRead => !_disposed;

    /// <inheritdoc />
    public override bool CanWrite => !_disposed;

    /// <summary>Connects now if not connected (otherwise the first read or write does).</summary>
    /// <exception cref="PrinterConnectionException">Refused, unreachable, or no answer within <see cref="ConnectTimeout"/>.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureConnectedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stream = await EnsureConnectedAsync(cancellationToken);
            try
            {
                await stream.WriteAsync(buffer, cancellationToken);
                return;
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                Drop(stream);
            }

            // The connection was dead (the peer reset it): send everything again on a new one.
            stream = await EnsureConnectedAsync(cancellationToken);
            try
            {
                await stream.WriteAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                Drop(stream);
                throw new PrinterConnectionException($"Writing to printer at {DeviceName} failed after reconnecting: {e.Message}", e);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>
    /// Reads what the printer sends back. Returns 0 when the printer closed the connection; the
    /// next write reconnects.
    /// </summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        NetworkStream stream;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            stream = await EnsureConnectedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        // Not under the gate: a read may wait for a long time while writes go on.
        try
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                Drop(stream);
            }

            return read;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            Drop(stream);
            throw new PrinterConnectionException($"Reading from printer at {DeviceName} failed: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The synchronous members exist because Stream requires them; the hosts here have no
    // synchronization context, so blocking on the async path cannot deadlock.

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Nothing is buffered: each write goes to the socket with Nagle off.</summary>
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => DeviceName;

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_sync)
            {
                _disposed = true;
                _stream?.Dispose();
                _socket?.Dispose();
                _stream = null;
                _socket = null;
            }
        }

        base.Dispose(disposing);
    }

    private static bool IsConnectionFailure(Exception e) => e is IOException or SocketException or ObjectDisposedException;

    /// <summary>True when the peer has closed: readable with nothing to read (FIN received) or an error pending.</summary>
    private static bool PeerHasClosed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectError) || (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    /// <summary>Call under <see cref="_gate"/>.</summary>
    private async Task<NetworkStream> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        Socket? current;
        NetworkStream? currentStream;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            current = _socket;
            currentStream = _stream;
        }

        if (current is not null && currentStream is not null)
        {
            if (!PeerHasClosed(current))
            {
                return currentStream;
            }

            Drop(currentStream);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(Host, Port, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new PrinterConnectionException(
                string.Create(CultureInfo.InvariantCulture, $"Printer at {DeviceName} did not accept a connection within {ConnectTimeout.TotalSeconds:0.###} s (switched off, wrong address, or a firewall)."));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var why = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused (nothing listens on that port, or the printer is busy with another client)",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "host unreachable",
                _ => e.Message,
            };
            throw new PrinterConnectionException($"Cannot connect to printer at {DeviceName}: {why}.", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        lock (_sync)
        {
            if (_disposed)
            {
                stream.Dispose();
                throw new ObjectDisposedException(GetType().FullName);
            }

            _socket = socket;
            _stream = stream;
        }

        return stream;
    }

    /// <summary>Forgets a connection if it is still the current one.</summary>
    private void Drop(NetworkStream stream)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_stream, stream))
            {
                _stream = null;
                _socket = null;
            }
        }

        stream.Dispose();
    }
}
