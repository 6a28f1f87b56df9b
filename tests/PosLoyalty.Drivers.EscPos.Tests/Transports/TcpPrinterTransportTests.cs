using System.Net;
using System.Net.Sockets;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Transports;

public sealed class TcpPrinterTransportTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60); // only catches a hang

    [Fact]
    public async Task Bytes_reach_the_printer_in_order()
    {
        using var listener = StartListener(0);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = ReceiveAllAsync(listener);

        await using (var transport = new TcpPrinterTransport("127.0.0.1", port))
        {
            for (var i = 0; i < 100; i++)
            {
                await transport.WriteAsync(new[] { (byte)i, (byte)(i + 1) }).AsTask().WaitAsync(TestTimeout);
            }
        }

        var bytes = await received.WaitAsync(TestTimeout);
        Assert.Equal(Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)i, (byte)(i + 1) }), bytes);
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_fails_with_an_error_naming_the_printer()
    {
        int port;
        using (var probe = StartListener(0))
        {
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var transport = new TcpPrinterTransport("127.0.0.1", port, TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<PrinterConnectionException>(() => transport.ConnectAsync().WaitAsync(TestTimeout));

        Assert.Contains($"tcp://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.False(transport.IsConnected);
    }

    [Fact]
    public async Task A_printer_that_does_not_accept_in_time_gives_a_connect_timeout_error()
    {
        // A listener whose accept queue is full drops new SYNs, so a connect hangs like one to a
        // switched-off printer. Fill the queue until a raw connect stalls.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            var stalled = false;
            for (var i = 0; i < 16 && !stalled; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var attempt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await filler.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
                }
                catch (OperationCanceledException)
                {
                    stalled = true;
                }
            }

            Assert.True(stalled, "the kernel kept accepting connections; cannot simulate a silent printer");

            await using var transport = new TcpPrinterTransport("127.0.0.1", port, TimeSpan.FromMilliseconds(300));
            var error = await Assert.ThrowsAsync<PrinterConnectionException>(() => transport.ConnectAsync().WaitAsync(TestTimeout));

            // It gave up on its own connect timeout (the message names it), not on the test's hang deadline.
            Assert.Contains("did not accept a connection within 0.3 s", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task Writes_reconnect_after_the_printer_restarts()
    {
        using var first = StartListener(0);
        var port = ((IPEndPoint)first.LocalEndpoint).Port;
        await using var transport = new TcpPrinterTransport("127.0.0.1", port);

        var accepted = first.AcceptTcpClientAsync();
        await transport.WriteAsync("before"u8.ToArray()).AsTask().WaitAsync(TestTimeout);
        using (var client = await accepted.WaitAsync(TestTimeout))
        {
            var buffer = new byte[6];
            await client.GetStream().ReadExactlyAsync(buffer).AsTask().WaitAsync(TestTimeout);
            Assert.Equal("before"u8.ToArray(), buffer);
        }

        // The printer restarts: its end of the connection closes, then it listens again.
        first.Stop();
        using var second = StartListener(port);
        var received = ReceiveAllAsync(second);

        await transport.WriteAsync("after"u8.ToArray()).AsTask().WaitAsync(TestTimeout);
        await transport.DisposeAsync();

        Assert.Equal("after"u8.ToArray(), await received.WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task Status_is_read_from_a_network_printer_over_the_same_connection()
    {
        using var listener = StartListener(0);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var printerSide = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new byte[3];
            for (var i = 0; i < 3; i++)
            {
                await stream.ReadExactlyAsync(request);
                await stream.WriteAsync(new byte[] { request[2] == 4 ? (byte)0x1E : (byte)0x12 });
            }

            // Hold the connection until the host closes it (end of stream).
            Assert.Equal(0, await stream.ReadAsync(new byte[1]));
        });

        await using (var printer = new EscPosPrinter($"tcp://127.0.0.1:{port}"))
        {
            var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

            Assert.Equal(PrinterOnlineState.Online, status.State);
            Assert.True(status.PaperNearEnd);
        }

        await printerSide.WaitAsync(TestTimeout);
    }

    private static TcpListener StartListener(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    /// <summary>Accepts one connection and returns everything sent on it until the client closes.</summary>
    private static async Task<byte[]> ReceiveAllAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        using var all = new MemoryStream();
        await client.GetStream().CopyToAsync(all);
        return all.ToArray();
    }
}
