using System.Net;
using System.Net.Sockets;

namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>
/// A network receipt printer on 127.0.0.1 that keeps every byte it is sent and answers each real-time status
/// request DLE EOT n (10 04 n) with one byte, as an Epson TM printer does (ESC/POS Command Reference, DLE EOT):
/// fixed bits 0x12, plus n=1 bit 3 offline, n=2 bit 2 cover open / bit 5 stopped at paper end, n=4 bits 5–6 paper end.
/// </summary>
internal sealed class StatusTcpPrinter : IDisposable
{
    private readonly TcpListener listener;
    private readonly MemoryStream received = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private int answered;

    public StatusTcpPrinter()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptLoop();
    }

    public int Port { get; }

    public string Device => $"tcp://127.0.0.1:{Port}";

    public PrinterCondition Condition { get; set; } = PrinterCondition.Ready;

    public int StatusRequestsAnswered => Volatile.Read(ref answered);

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

    public static byte Answer(PrinterCondition condition, byte n) => (condition, n) switch
    {
        (PrinterCondition.Ready, _) => 0x12,
        (_, 1) => 0x1A,
        (PrinterCondition.PaperEnd, 2) => 0x32,
        (PrinterCondition.PaperEnd, 4) => 0x72,
        (PrinterCondition.CoverOpen, 2) => 0x16,
        _ => 0x12,
    };

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

            _ = Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var state = 0;
            try
            {
                while (true)
                {
                    var n = await stream.ReadAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    var replies = new List<byte>();
                    lock (gate)
                    {
                        received.Write(buffer, 0, n);
                    }

                    foreach (var b in buffer.AsSpan(0, n))
                    {
                        if (state == 2 && b is 1 or 2 or 4)
                        {
                            replies.Add(Answer(Condition, b));
                        }

                        state = b == 0x10 ? 1 : state == 1 && b == 0x04 ? 2 : 0;
                    }

                    if (replies.Count > 0)
                    {
                        await stream.WriteAsync(replies.ToArray(), stop.Token);
                        Interlocked.Add(ref answered, replies.Count);
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
