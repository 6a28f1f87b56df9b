using System.Net;
using System.Net.Sockets;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>
/// A network ESC/POS printer on 127.0.0.1 that answers DLE EOT n (10 04 n) with one status byte per n, as the
/// Epson command reference describes: n=1 printer, n=2 offline cause, n=4 paper roll sensor.
/// </summary>
internal sealed class FakeStatusPrinter : IDisposable
{
    /// <summary>0xx1xx10b with no flag set: the fixed bits of every real-time status byte.</summary>
    public const byte Fixed = 0x12;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<byte, byte> answers;

    public FakeStatusPrinter(byte printer = Fixed, byte offlineCause = Fixed, byte paper = Fixed)
    {
        answers = new Dictionary<byte, byte> { [1] = printer, [2] = offlineCause, [4] = paper };
        listener.Start();
        _ = Serve();
    }

    public string Device => $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Requests { get; private set; }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task Serve()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var request = new byte[3];
                while (await stream.ReadAtLeastAsync(request, 3, throwOnEndOfStream: false, stop.Token) == 3)
                {
                    if (request[0] == 0x10 && request[1] == 0x04 && answers.TryGetValue(request[2], out var answer))
                    {
                        Requests++;
                        await stream.WriteAsync(new[] { answer }, stop.Token);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // the test is over
        }
    }
}
