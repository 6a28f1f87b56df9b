using System.Net;
using System.Net.Sockets;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>A network receipt printer on 127.0.0.1: a real TCP listener that keeps every byte it is sent, over all connections.</summary>
internal sealed class FakeTcpPrinter : IDisposable
{
    private readonly TcpListener listener;
    private readonly MemoryStream received = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();

    public FakeTcpPrinter(int port = 0)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptLoop();
    }

    public int Port { get; }

    public string Device => $"tcp://127.0.0.1:{Port}";

    public byte[] Received
    {
        get
        {
            lock (gate)
            {
                return received.ToArray();
            }
        }
    }

    /// <summary>Waits until the printer holds at least <paramref name="count"/> bytes, then a little more for stragglers.</summary>
    public byte[] WaitForBytes(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.Length < count && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        return Received;
    }

    /// <summary>Waits until the bytes stop growing for <paramref name="quiet"/> (at least one byte having come).</summary>
    public byte[] WaitUntilQuiet(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = -1;
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            var now = Received.Length;
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

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Receive(client);
        }
    }

    private async Task Receive(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var n = await stream.ReadAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    lock (gate)
                    {
                        received.Write(buffer, 0, n);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // the service closed or the test ended
            }
        }
    }
}
