using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// The receipt tap's added latency per chunk (issue #4: ≤ 1 ms at p99). A POS socket sends one chunk at a time; the
/// time runs from the send until the fake printer's socket has received all of it. The same is measured, in the same
/// run and over the same kind of loopback sockets, through a plain byte-copying proxy (read, write, nothing else): the
/// difference is what the tap adds (decoder, queue, writer loop hop). Chunks are ESC/POS receipt bytes with a raster
/// logo and a cut in some of them, so the at-cut path (hook returning no coupon) is inside the figures.
/// </summary>
internal static class TapLatency
{
    private const int ChunkBytes = 512;

    public static void Run(TextWriter json, TextWriter progress, bool quick)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(progress);
        int warmup = quick ? 200 : 2_000;
        int samples = quick ? 1_000 : 20_000;
        byte[][] chunks = Chunks(warmup + samples);

        progress.WriteLine($"tap latency: {samples} chunks of {ChunkBytes} bytes, baseline copy proxy first");
        double[] baseline = MeasureAsync(chunks, warmup, useTap: false).GetAwaiter().GetResult();
        progress.WriteLine("tap latency: through the receipt tap");
        double[] tap = MeasureAsync(chunks, warmup, useTap: true).GetAwaiter().GetResult();

        var result = new
        {
            benchmark = "tap-latency",
            chunkBytes = ChunkBytes,
            samples,
            baselineMicroseconds = Summary(baseline),
            tapMicroseconds = Summary(tap),
            addedP50Microseconds = Percentile(tap, 0.50) - Percentile(baseline, 0.50),
            addedP99Microseconds = Percentile(tap, 0.99) - Percentile(baseline, 0.99),
            targetAddedP99Microseconds = 1000,
        };
        json.WriteLine(JsonSerializer.Serialize(result));
        progress.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"tap latency: baseline p50 {Percentile(baseline, 0.5):0.0} µs p99 {Percentile(baseline, 0.99):0.0} µs; tap p50 {Percentile(tap, 0.5):0.0} µs p99 {Percentile(tap, 0.99):0.0} µs; added p99 {result.addedP99Microseconds:0.0} µs"));
    }

    private static object Summary(double[] microseconds) => new
    {
        p50 = Math.Round(Percentile(microseconds, 0.50), 1),
        p90 = Math.Round(Percentile(microseconds, 0.90), 1),
        p99 = Math.Round(Percentile(microseconds, 0.99), 1),
        max = Math.Round(microseconds.Max(), 1),
    };

    private static double Percentile(double[] values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Receipt-like chunks: text, a raster logo, a barcode, a cut every few chunks.</summary>
    private static byte[][] Chunks(int count)
    {
        var random = new Random(1234);
        var chunks = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            var bytes = new List<byte>(ChunkBytes);
            bytes.AddRange("Coffee          3.50\nTOTAL           3.50\n"u8.ToArray());
            bytes.AddRange([0x1D, (byte)'v', (byte)'0', 0, 16, 0, 8, 0]);
            var image = new byte[128];
            random.NextBytes(image);
            bytes.AddRange(image);
            bytes.AddRange([0x1D, (byte)'k', 73, 6, (byte)'{', (byte)'B', (byte)'1', (byte)'2', (byte)'3', (byte)'4']);
            while (bytes.Count < ChunkBytes - 4)
            {
                bytes.Add((byte)('A' + random.Next(26)));
            }

            if (i % 4 == 3)
            {
                bytes.AddRange([0x1D, (byte)'V', 66, 0]);
            }
            else
            {
                bytes.AddRange("\n\n\n\n"u8.ToArray());
            }

            chunks[i] = [.. bytes];
        }

        return chunks;
    }

    private static async Task<double[]> MeasureAsync(byte[][] chunks, int warmup, bool useTap)
    {
        using var printerListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        printerListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        printerListener.Listen(1);
        int printerPort = ((IPEndPoint)printerListener.LocalEndPoint!).Port;
        using var stop = new CancellationTokenSource();
        string spool = Directory.CreateTempSubdirectory("posloyalty-bench-").FullName;

        await using var tapListener = TcpPosLinkListener.Start("127.0.0.1", 0);
        await using var link = new PrinterLink(
            new PrinterLinkOptions { Device = $"tcp://127.0.0.1:{printerPort}", SpoolDirectory = spool },
            TimeProvider.System,
            NullLogger<PrinterLink>.Instance);
        Task middle;
        Task writer = Task.CompletedTask;
        if (useTap)
        {
            var pump = new ReceiptTapPump(
                tapListener,
                link,
                () => new EscPosDecoder(),
                (_, _) => ValueTask.FromResult(CutInsertion.None),
                null,
                null,
                TimeProvider.System,
                NullLogger<ReceiptTapPump>.Instance);
            writer = link.RunAsync(stop.Token);
            middle = pump.RunAsync(stop.Token);
        }
        else
        {
            middle = CopyProxyAsync(tapListener, printerPort, stop.Token);
        }

        using var pos = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await pos.ConnectAsync(tapListener.LocalEndPoint);
        using Socket printer = await printerListener.AcceptAsync();
        var buffer = new byte[65536];
        var samples = new double[chunks.Length - warmup];
        for (int i = 0; i < chunks.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await pos.SendAsync(chunks[i], SocketFlags.None);
            int received = 0;
            while (received < chunks[i].Length)
            {
                received += await printer.ReceiveAsync(buffer, SocketFlags.None);
            }

            if (i >= warmup)
            {
                samples[i - warmup] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        await stop.CancelAsync();
        pos.Dispose();
        try
        {
            await Task.WhenAll(middle, writer);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        Directory.Delete(spool, recursive: true);
        return samples;
    }

    /// <summary>The baseline: accept the POS, connect to the printer, copy bytes across and nothing else.</summary>
    private static async Task CopyProxyAsync(TcpPosLinkListener listener, int printerPort, CancellationToken cancellationToken)
    {
        IPosLink? pos = await listener.AcceptAsync(cancellationToken);
        await using (pos)
        {
            using var printer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await printer.ConnectAsync(new IPEndPoint(IPAddress.Loopback, printerPort), cancellationToken);
            var buffer = new byte[16 * 1024];
            while (true)
            {
                int read = await pos!.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                await printer.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
            }
        }
    }
}
