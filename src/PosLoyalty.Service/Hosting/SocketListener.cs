using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// One listening stream socket and its accept loop, for every socket the service listens on with many clients at
/// once (POS events on a Unix socket or a TCP port, cashier panels on a Unix socket). A Unix socket is bound the same
/// way each time: its directory created, a stale socket file (nobody answers on it) replaced, one that answers
/// refused, mode 0660 (owner and group; nobody else), the group set when asked, and the file removed at stop. The
/// accept loop outlives what one client does: an accept that fails waits a capped backoff and goes on, and a
/// connection whose handler throws is logged and closed while the others carry on.
/// </summary>
public sealed class SocketListener : IAsyncDisposable
{
    /// <summary>rw for the owner and the group: the service's user and whoever the group lets in (a POS bridge, a panel).</summary>
    public const UnixFileMode UnixSocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private const int Backlog = 16;

    private readonly Socket _socket;
    private readonly string? _unixPath;
    private readonly HashSet<Task> _connections = [];
    private int _disposed;

    private SocketListener(Socket socket, string name, string? unixPath, bool replacedStaleSocket)
    {
        _socket = socket;
        Name = name;
        _unixPath = unixPath;
        ReplacedStaleSocket = replacedStaleSocket;
    }

    /// <summary>The socket's path, or tcp://ADDRESS:PORT with the real port when 0 was asked for.</summary>
    public string Name { get; }

    /// <summary>The address listened on.</summary>
    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    /// <summary>A socket file nobody answered on was found at the path and replaced (the service died without removing it).</summary>
    public bool ReplacedStaleSocket { get; }

    /// <summary>Binds a Unix socket at <paramref name="path"/> with <see cref="UnixSocketMode"/>, chgrp to <paramref name="groupId"/> when given, then listens.</summary>
    /// <param name="path">Where the socket goes; its directory is created.</param>
    /// <param name="configurationKey">The setting that chose the path, named in the error when another service holds it.</param>
    /// <param name="groupId">The group the socket file is given before any client can connect; null keeps the service's own.</param>
    /// <exception cref="IOException">Another process answers on the path, or chgrp was refused.</exception>
    /// <exception cref="SocketException">The path cannot be bound.</exception>
    public static SocketListener ListenUnix(string path, string configurationKey, uint? groupId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var replaced = false;
        if (File.Exists(fullPath))
        {
            if (IsAnswering(fullPath))
            {
                throw new IOException($"another service already listens on {fullPath}: stop it, or give this one another {configurationKey}");
            }

            File.Delete(fullPath);
            replaced = true;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var bound = false;
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(fullPath));
            bound = true;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(fullPath, UnixSocketMode);
            }

            // Before listen(2): until then a connect is refused, so no client ever meets the socket with the wrong group.
            if (groupId is { } gid)
            {
                Interop.Libc.ChangeGroup(fullPath, gid);
            }

            socket.Listen(Backlog);
            return new SocketListener(socket, fullPath, fullPath, replaced);
        }
        catch
        {
            socket.Dispose();
            if (bound)
            {
                TryDelete(fullPath); // ours, half set up: no file is left that looks like a listening socket
            }

            throw;
        }
    }

    /// <summary>Binds and listens on <paramref name="host"/>:<paramref name="port"/> (0.0.0.0 / :: for every interface).</summary>
    /// <exception cref="SocketException">The port is in use or the address is not local.</exception>
    public static SocketListener ListenTcp(string host, int port)
    {
        var socket = BindTcp(host, port);
        return new SocketListener(socket, string.Create(CultureInfo.InvariantCulture, $"tcp://{socket.LocalEndPoint}"), null, replacedStaleSocket: false);
    }

    /// <summary>
    /// A listening TCP socket on <paramref name="host"/>:<paramref name="port"/>, for a caller with its own accept
    /// loop (the receipt tap takes one POS connection at a time).
    /// </summary>
    /// <exception cref="SocketException">The port is in use or the address is not local.</exception>
    public static Socket BindTcp(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
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

    /// <summary>
    /// Accepts until <paramref name="stoppingToken"/> is cancelled, giving each connection to <paramref name="serve"/>
    /// on its own task (which owns the socket from then on); then closes the listener, waits for every connection to
    /// end and removes a Unix socket's file.
    /// </summary>
    public async Task AcceptAsync(Func<Socket, CancellationToken, Task> serve, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _socket.AcceptAsync(stoppingToken);
                }
                catch (SocketException ex)
                {
                    // Out of descriptors, or a connection reset while it was queued: the listener itself is fine.
                    var wait = backoff.Next();
                    logger.SocketAcceptFailed(Name, ex.Message, wait);
                    await Task.Delay(wait, time, stoppingToken);
                    continue;
                }

                backoff.Reset();
                Track(ServeOneAsync(socket, serve, logger, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            await DisposeAsync();
        }
    }

    /// <summary>Closes the listener, waits for the connections it handed out, and removes a Unix socket's file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _socket.Dispose();
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections];
        }

        await Task.WhenAll(running);
        if (_unixPath is not null)
        {
            TryDelete(_unixPath);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private async Task ServeOneAsync(Socket socket, Func<Socket, CancellationToken, Task> serve, ILogger logger, CancellationToken stoppingToken)
    {
        await Task.Yield(); // the accept loop goes on at once
        try
        {
            await serve(socket, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.SocketConnectionFailed(Name, ex);
            socket.Dispose();
        }
    }

    private void Track(Task connection)
    {
        lock (_connections)
        {
            _connections.Add(connection);
        }

        _ = connection.ContinueWith(
            finished =>
            {
                lock (_connections)
                {
                    _connections.Remove(finished);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
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
}
