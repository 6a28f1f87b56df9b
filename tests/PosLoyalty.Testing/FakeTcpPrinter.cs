using System.Net;
using System.Net.Sockets;

namespace PosLoyalty.Testing;

/// <summary>
/// A network receipt printer on 127.0.0.1: a real TCP listener that keeps every byte it is sent, in order, over all
/// connections, and can answer: <see cref="SendAsync"/> on the latest connection, and each real-time status request
/// DLE EOT n (10 04 n) with the byte <see cref="StatusAnswer"/> gives for n (ESC/POS Command Reference, DLE EOT).
/// The waits wait on a condition, with a timeout that only catches a hang.
/// </summary>
public sealed class FakeTcpPrinter : IDisposable, IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _sync = new();
    private readonly List<byte> _received = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _current;
    private int _connections;
    private int _answered;
    private int _disposed;

    public FakeTcpPrinter(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Device => $"tcp://127.0.0.1:{Port}";

    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>How many DLE EOT requests were answered.</summary>
    public int StatusRequestsAnswered => Volatile.Read(ref _answered);

    /// <summary>The status byte for DLE EOT n, or null to stay silent; null (the default) answers nothing.</summary>
    public Func<byte, byte?>? StatusAnswer { get; set; }

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

    /// <summary>A port nothing listens on now (bound and released), for a printer that appears later.</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Waits until the printer holds at least <paramref name="count"/> bytes, or <paramref name="timeout"/>; returns what it holds.</summary>
    public byte[] WaitForBytes(int count, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (Received.Length < count && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        return Received;
    }

    /// <summary>Waits until the bytes stop growing for <paramref name="quiet"/> (at least one byte having come).</summary>
    public byte[] WaitUntilQuiet(TimeSpan quiet, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        int last = -1;
        DateTime stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            int now = Received.Length;
            if (now != last)
            {
                last = now;
                stableSince = DateTime.UtcNow;
            }
            else if (now > 0 && DateTime.UtcNow - stableSince >= quiet)
            {
                break;
            }

            Thread.Sleep(10);
        }

        return Received;
    }

    /// <summary>Waits until the printer holds at least <paramref name="count"/> bytes, or throws <see cref="TimeoutException"/>.</summary>
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

    /// <summary>Sends bytes to the host on the latest connection (waiting for one), as a printer answers DLE EOT or sends ASB.</summary>
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

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _listener.Stop();
        lock (_sync)
        {
            _current?.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
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
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_sync)
            {
                _current = connection;
            }

            Changed();
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        var buffer = new byte[65536];
        int state = 0; // 1 after DLE, 2 after DLE EOT
        try
        {
            while (true)
            {
                int read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                lock (_sync)
                {
                    _received.AddRange(buffer.AsSpan(0, read));
                }

                var replies = new List<byte>();
                Func<byte, byte?>? answer = StatusAnswer;
                foreach (byte b in buffer.AsSpan(0, read))
                {
                    if (state == 2 && answer?.Invoke(b) is byte reply)
                    {
                        replies.Add(reply);
                    }

                    state = b == 0x10 ? 1 : state == 1 && b == 0x04 ? 2 : 0;
                }

                if (replies.Count > 0)
                {
                    await connection.SendAsync(replies.ToArray(), SocketFlags.None, _stop.Token);
                    Interlocked.Add(ref _answered, replies.Count);
                }

                Changed();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The code under test dropped the connection, or the test ended.
        }
        finally
        {
            lock (_sync)
            {
                if (_current == connection)
                {
                    _current = null;
                }
            }

            connection.Dispose();
        }
    }
}
