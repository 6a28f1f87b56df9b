using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>
/// Seeded fuzzing: random bytes and mutated fixtures through both decoders, in random chunk sizes. Nothing may
/// throw, the run must finish well inside a time limit (no hang, linear time) and the retained state must stay
/// under the cap the options imply (bounded memory).
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int FuzzBytes = 1_000_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly ReceiptDecoderOptions SmallCaps = new()
    {
        MaxLineLength = 128,
        MaxLinesPerReceipt = 256,
        MaxBarcodesPerReceipt = 16,
        MaxBarcodeDataLength = 256,
    };

    public static TheoryData<string> Dialects => ["escpos", "star"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_million_random_bytes_never_throw_hang_or_grow_the_decoder(string dialect)
    {
        var random = new Random(4242);
        byte[] stream = RandomStream(random, FuzzBytes);

        FuzzResult result = RunWithinLimit(NewDecoder(dialect), stream, random);

        Assert.True(result.MaxRetained <= RetainedCap, $"retained {result.MaxRetained} > {RetainedCap}");
        Assert.True(result.Lines > 0, "random bytes hold line feeds, so some lines come out");
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void A_million_bytes_of_mutated_fixtures_never_throw_hang_or_grow_the_decoder(string dialect)
    {
        var random = new Random(1102);
        byte[] stream = MutatedFixtures(random, FuzzBytes);

        FuzzResult result = RunWithinLimit(NewDecoder(dialect), stream, random);

        Assert.True(result.MaxRetained <= RetainedCap, $"retained {result.MaxRetained} > {RetainedCap}");
        Assert.True(result.Receipts > 0, "mutated receipts still hold cuts");
    }

    [Fact]
    public void Mutated_fixtures_still_decode_to_readable_receipts_on_ESC_POS()
    {
        var random = new Random(99);
        byte[] stream = MutatedFixtures(random, 200_000);

        List<DecodedReceipt> receipts = DecoderRun.All(new EscPosDecoder(SmallCaps), stream, chunkSize: 4096);

        // Most mutations hit text, not framing: most receipts keep a recognisable line.
        int recognisable = receipts.Count(r => r.Text.Contains("Thank you", StringComparison.Ordinal) || r.Text.Contains("Tack f", StringComparison.Ordinal));
        Assert.True(recognisable > receipts.Count / 2, $"{recognisable} of {receipts.Count}");
    }

    private static int RetainedCap =>
        (SmallCaps.MaxLinesPerReceipt * (SmallCaps.MaxLineLength + 1)) + SmallCaps.MaxLineLength
        + (SmallCaps.MaxBarcodesPerReceipt * ((2 * SmallCaps.MaxBarcodeDataLength) + 8)) + SmallCaps.MaxBarcodeDataLength + 8;

    private static IReceiptDecoder NewDecoder(string dialect) =>
        dialect == "star" ? new StarLineModeDecoder(SmallCaps) : new EscPosDecoder(SmallCaps);

    private static FuzzResult RunWithinLimit(IReceiptDecoder decoder, byte[] stream, Random random)
    {
        int[] chunkSizes = Enumerable.Range(0, 4096).Select(_ => random.Next(1, 8192)).ToArray();
        Task<FuzzResult> run = Task.Run(() =>
        {
            int receipts = 0;
            int lines = 0;
            int maxRetained = 0;
            int offset = 0;
            for (int c = 0; offset < stream.Length; c++)
            {
                int n = Math.Min(chunkSizes[c % chunkSizes.Length], stream.Length - offset);
                foreach (DecodedReceipt receipt in decoder.Push(stream.AsSpan(offset, n)))
                {
                    receipts++;
                    lines += receipt.Lines.Count;
                }

                maxRetained = Math.Max(maxRetained, decoder.RetainedSize);
                offset += n;
            }

            if (decoder.Flush() is { } last)
            {
                receipts++;
                lines += last.Lines.Count;
            }

            return new FuzzResult(receipts, lines, maxRetained);
        });

        // Limit only catches a hang (a decoder stuck in a loop); throughput is measured by the --decoder benchmark.
        Assert.True(run.Wait(Limit), $"decoding {stream.Length} bytes did not finish within {Limit}");
        return run.Result;
    }

    private static byte[] RandomStream(Random random, int length)
    {
        // Half uniform bytes, half biased towards command prefixes and line feeds so commands get exercised.
        byte[] stream = new byte[length];
        random.NextBytes(stream.AsSpan(0, length / 2));
        ReadOnlySpan<byte> interesting = [0x1B, 0x1D, 0x1C, 0x10, 0x0A, 0x09, 0x00, 0x1E, 0x0E, 0x14];
        for (int i = length / 2; i < length; i++)
        {
            stream[i] = random.Next(4) == 0 ? interesting[random.Next(interesting.Length)] : (byte)random.Next(256);
        }

        return stream;
    }

    private static byte[] MutatedFixtures(Random random, int length)
    {
        byte[][] fixtures = ReceiptFixtures.Files.Select(ReceiptFixtures.Read).ToArray();
        var stream = new List<byte>(length + 4096);
        while (stream.Count < length)
        {
            var receipt = new List<byte>(fixtures[random.Next(fixtures.Length)]);
            int mutations = random.Next(1, 6);
            for (int m = 0; m < mutations && receipt.Count > 2; m++)
            {
                int at = random.Next(receipt.Count);
                switch (random.Next(6))
                {
                    case 0:
                        receipt[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        receipt[at] = (byte)(random.Next(2) == 0 ? 0x1B : 0x1D);
                        break;
                    case 2:
                        receipt.RemoveRange(at, Math.Min(random.Next(1, 16), receipt.Count - at));
                        break;
                    case 3:
                        int count = Math.Min(random.Next(1, 64), receipt.Count - at);
                        receipt.InsertRange(random.Next(receipt.Count), receipt.GetRange(at, count));
                        break;
                    case 4:
                        receipt.Insert(at, (byte)random.Next(256));
                        break;
                    default:
                        // A huge declared length (GS 8 L, GS v 0 …) swallows the rest: keep it rare.
                        receipt[at] = (byte)(receipt[at] ^ (1 << random.Next(8)));
                        break;
                }
            }

            stream.AddRange(receipt);
        }

        return [.. stream];
    }

    private sealed record FuzzResult(int Receipts, int Lines, int MaxRetained);
}
