using System.Net;
using System.Net.Sockets;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// A network printer on 127.0.0.1: accepts connections one after another, records every byte received in order, and
/// can answer (status replies). <see cref="WaitForBytesAsync"/> waits on a condition, never a fixed sleep.
/// </summary>
internal sealed class FakeTcpPrinter : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _sync = new();
    private readonly List<byte> _received = [];
    private readonly Task _acceptLoop;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _current;
    private int _connections;

    private FakeTcpPrinter(Socket listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Device => $"tcp://127.0.0.1:{Port}";

    public int ConnectionCount => Volatile.Read(ref _connections);

    public byte[] Received
    {
        get
        {
            lock (_sync)
            {
                return [.. _received];
            }
        }
    }

    public static FakeTcpPrinter Start(int port = 0)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(4);
        return new FakeTcpPrinter(listener);
    }

    /// <summary>A port nothing listens on now (bound and released), for a printer that appears later.</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public async Task WaitForBytesAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                if (_received.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The printer got {Received.Length} of {count} bytes within {timeout}.");
            }
        }
    }

    /// <summary>Sends bytes to the host on the current connection, as a printer answers DLE EOT or sends ASB.</summary>
    public async Task SendAsync(byte[] bytes, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            Socket? current;
            Task changed;
            lock (_sync)
            {
                current = _current;
                changed = _changed.Task;
            }

            if (current is not null)
            {
                await current.SendAsync(bytes, SocketFlags.None, cancellation.Token);
                return;
            }

            await changed.WaitAsync(cancellation.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_sync)
        {
            _current?.Dispose();
        }

        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private void Changed()
    {
        TaskCompletionSource old;
        lock (_sync)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    private async Task AcceptLoopAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            Socket connection = await _listener.AcceptAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_sync)
            {
                _current = connection;
            }

            Changed();
            try
            {
                while (true)
                {
                    int read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    lock (_sync)
                    {
                        _received.AddRange(buffer.AsSpan(0, read));
                    }

                    Changed();
                }
            }
            catch (SocketException)
            {
                // The tap dropped the connection; take the next one.
            }
            finally
            {
                lock (_sync)
                {
                    _current = null;
                }

                connection.Dispose();
            }
        }
    }
}
