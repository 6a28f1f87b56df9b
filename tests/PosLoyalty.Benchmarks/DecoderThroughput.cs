using System.Diagnostics;
using System.Globalization;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// <c>--decoder</c>: ESC/POS decoder throughput, and reading throughput (decode, then the receipt reader's
/// extraction of every receipt: kind, total by evidence, number, items — what the tap does at each cut), measured in
/// the same run over the same stream so the reader's cost is a ratio against the bare decoder. Decodes ~64 MB of the receipt fixtures repeated
/// (tests/PosLoyalty.Drivers.EscPos.Tests/Fixtures/receipts, found by walking up from the binary), in 64 KiB
/// chunks as a tap would read them, several times, and prints
/// <c>{"name":"decoder-throughput","mb_per_s_p50":…,"runs":…}</c>. Target: ≥ 50 MB/s in Release.
/// </summary>
public static class DecoderThroughput
{
    private const int TargetBytes = 64 * 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;
    private const int Runs = 7;
    private const double TargetMegabytesPerSecond = 50;

    public static void Run()
    {
        byte[] sample = LoadFixtures();
        byte[] stream = Repeat(sample, TargetBytes);
        Report.Progress(string.Create(CultureInfo.InvariantCulture, $"decoder: {sample.Length} fixture bytes repeated to {stream.Length / 1048576.0:F1} MB"));

        // Warm-up: JIT tiering, code page tables.
        Decode(stream.AsSpan(0, Math.Min(stream.Length, 8 * 1024 * 1024)));

        var rates = new double[Runs];
        int receipts = 0;
        for (int run = 0; run < Runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            receipts = Decode(stream);
            stopwatch.Stop();
            rates[run] = stream.Length / 1_000_000.0 / stopwatch.Elapsed.TotalSeconds;
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"decoder: run {run + 1}: {rates[run]:F1} MB/s, {receipts} receipts"));
        }

        var reading = new double[Runs];
        var reader = new ReceiptReader(BuiltInReceiptProfiles.Default, 437);
        Read(reader, stream.AsSpan(0, Math.Min(stream.Length, 8 * 1024 * 1024)));
        for (int run = 0; run < Runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var sales = Read(reader, stream);
            stopwatch.Stop();
            reading[run] = stream.Length / 1_000_000.0 / stopwatch.Elapsed.TotalSeconds;
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"reading: run {run + 1}: {reading[run]:F1} MB/s, {sales} receipts read"));
        }

        Array.Sort(reading);
        double readingP50 = reading[Runs / 2];
        Report.Line(w =>
        {
            w.WriteString("name", "reading-throughput");
            w.WriteNumber("mb_per_s_p50", Math.Round(readingP50, 1));
            w.WriteNumber("mb_per_s_min", Math.Round(reading[0], 1));
            w.WriteNumber("runs", Runs);
        });
        if (readingP50 < TargetMegabytesPerSecond)
        {
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"reading: p50 {readingP50:F1} MB/s is below the {TargetMegabytesPerSecond} MB/s target"));
        }

        Array.Sort(rates);
        double p50 = rates[Runs / 2];
        Report.Line(w =>
        {
            w.WriteString("name", "decoder-throughput");
            w.WriteNumber("mb_per_s_p50", Math.Round(p50, 1));
            w.WriteNumber("runs", Runs);
        });
        if (p50 < TargetMegabytesPerSecond)
        {
            Report.Progress(string.Create(CultureInfo.InvariantCulture, $"decoder: p50 {p50:F1} MB/s is below the {TargetMegabytesPerSecond} MB/s target"));
        }
    }

    private static int Decode(ReadOnlySpan<byte> stream)
    {
        var decoder = new EscPosDecoder();
        int receipts = 0;
        for (int offset = 0; offset < stream.Length; offset += ChunkBytes)
        {
            receipts += decoder.Push(stream.Slice(offset, Math.Min(ChunkBytes, stream.Length - offset))).Count;
        }

        return receipts + (decoder.Flush() is null ? 0 : 1);
    }

    private static int Read(ReceiptReader reader, ReadOnlySpan<byte> stream)
    {
        var decoder = reader.CreateDecoder();
        int read = 0;
        for (int offset = 0; offset < stream.Length; offset += ChunkBytes)
        {
            foreach (var receipt in decoder.Push(stream.Slice(offset, Math.Min(ChunkBytes, stream.Length - offset))))
            {
                read += reader.Read(receipt).Total is null ? 0 : 1;
            }
        }

        return read;
    }

    private static byte[] Repeat(byte[] sample, int length)
    {
        int copies = Math.Max(1, length / sample.Length);
        byte[] stream = new byte[copies * sample.Length];
        for (int i = 0; i < copies; i++)
        {
            sample.CopyTo(stream, i * sample.Length);
        }

        return stream;
    }

    private static byte[] LoadFixtures()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "PosLoyalty.Drivers.EscPos.Tests", "Fixtures", "receipts");
            if (Directory.Exists(candidate))
            {
                string[] files = Directory.GetFiles(candidate, "*.bin");
                Array.Sort(files, StringComparer.Ordinal);
                if (files.Length > 0)
                {
                    return files.SelectMany(File.ReadAllBytes).ToArray();
                }
            }
        }

        throw new InvalidOperationException(
            "decoder: receipt fixtures not found; run from a checkout (tests/PosLoyalty.Drivers.EscPos.Tests/Fixtures/receipts).");
    }
}
