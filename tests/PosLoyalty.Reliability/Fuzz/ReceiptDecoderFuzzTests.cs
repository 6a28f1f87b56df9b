using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Fuzz;

/// <summary>Mutated receipt captures through the ESC/POS and Star Line Mode decoders, in random chunk sizes, one decoder per stream of cases.</summary>
[Trait("Category", "Slow")]
public sealed class ReceiptDecoderFuzzTests(ITestOutputHelper output)
{
    private static readonly ReceiptDecoderOptions Caps = new()
    {
        MaxLineLength = 128,
        MaxLinesPerReceipt = 256,
        MaxBarcodesPerReceipt = 16,
        MaxBarcodeDataLength = 256,
    };

    private static readonly byte[] Interesting = [0x1B, 0x1D, 0x1C, 0x10, 0x0A, 0x0D, 0x09, 0x00, 0x1E, 0x0E, 0x14, 0x56, 0x76, 0x28, 0x6B, 0x38, 0xFF, 0x7F, 0x64];

    public static TheoryData<string> Dialects => ["escpos", "star"];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Mutated_receipts_never_throw_hang_or_grow_the_decoder(string dialect)
    {
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts"), "*.bin").Select(File.ReadAllBytes).ToList();
        var mutator = new Mutator(corpus, dialect.Length * 7919, Interesting);
        IReceiptDecoder decoder = dialect == "star" ? new StarLineModeDecoder(Caps) : new EscPosDecoder(Caps);
        var cap = (Caps.MaxLinesPerReceipt * (Caps.MaxLineLength + 1)) + Caps.MaxLineLength
            + (Caps.MaxBarcodesPerReceipt * ((2 * Caps.MaxBarcodeDataLength) + 8)) + Caps.MaxBarcodeDataLength + 8;
        var maxRetained = 0;
        var receipts = 0L;

        var result = FuzzRun.Run("decoder-" + dialect, Soak.Scale(1_000_000L), () => mutator.Next(16_384), input =>
        {
            var offset = 0;
            while (offset < input.Length)
            {
                var n = Math.Min(mutator.Random.Next(1, 4096), input.Length - offset);
                receipts += decoder.Push(input.AsSpan(offset, n)).Count;
                maxRetained = Math.Max(maxRetained, decoder.RetainedSize);
                offset += n;
            }

            if (mutator.Random.Next(16) == 0 && decoder.Flush() is not null)
            {
                receipts++;
            }
        });

        Assert.True(maxRetained <= cap, $"retained {maxRetained} > {cap}");
        Assert.True(receipts > 0, "mutated captures still hold cuts");
        output.WriteLine(FuzzRun.Figures("decoder-" + dialect, result));
    }
}
