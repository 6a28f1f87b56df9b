using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class PayloadSkippingTests
{
    public static IEnumerable<object[]> ImageCommands()
    {
        byte[] image = TextLookingImageData(48 * 20);
        yield return ["raster GS v 0", Of(Gs, 'v', '0', 0, 48, 0, 20, 0, image)];
        yield return ["column image ESC * 0", Of(Esc, '*', 0, 0xC0, 0x03, TextLookingImageData(0x3C0))];
        yield return ["column image ESC * 33 (3n bytes)", Of(Esc, '*', 33, 100, 0, TextLookingImageData(300))];
        yield return ["GS ( L graphics", Of(Gs, '(', 'L', 0xC0, 0x03, TextLookingImageData(0x3C0))];
        yield return ["ESC ( A beeper block", Of(Esc, '(', 'A', 4, 0, TextLookingImageData(4))];
        yield return ["FS ( A block", Of(Fs, '(', 'A', 2, 0, '0', '\n')];
        yield return ["GS 8 L graphics", Of(Gs, '8', 'L', 0x10, 0x27, 0, 0, TextLookingImageData(10000))];
        yield return ["downloaded image GS *", Of(Gs, '*', 3, 2, TextLookingImageData(48))];
        yield return ["variable bit image GS Q 0", Of(Gs, 'Q', '0', 0, 10, 0, 3, 0, TextLookingImageData(30))];
        yield return ["NV image FS q, two images", Of(Fs, 'q', 2, 1, 0, 1, 0, TextLookingImageData(8), 2, 0, 1, 0, TextLookingImageData(16))];
        yield return ["user-defined characters ESC &", Of(Esc, '&', 3, 'A', 'C', 2, TextLookingImageData(6), 0, 1, TextLookingImageData(3))];
        yield return ["user-defined Kanji FS 2", Of(Fs, '2', 0x77, 0x21, TextLookingImageData(72))];
        yield return ["NV user memory FS g 1", Of(Fs, 'g', '1', 0, 0, 0, 0, 0, 20, 0, TextLookingImageData(20))];
        yield return ["Windows BMP GS D", Of(Gs, 'D', '0', 'C', '0', 32, 32, '1', '1', "BM", 26, 0, 0, 0, TextLookingImageData(20))];
        yield return ["QR code data GS ( k", Of(Gs, '(', 'k', 14, 0, 49, 80, 48, "LEAK\n", Gs, 'V', 0, "ABC")];
    }

    [Theory]
    [MemberData(nameof(ImageCommands))]
    public void Command_payload_is_skipped_and_never_read_as_text(string name, byte[] command)
    {
        byte[] stream = Of("BEFORE\n", command, "AFTER\n", Gs, 'V', 0);

        foreach (int chunkSize in new[] { 1, 3, 7, int.MaxValue })
        {
            List<DecodedReceipt> receipts = DecoderRun.EscPos(stream, chunkSize);

            DecodedReceipt receipt = Assert.Single(receipts);
            Assert.True(receipt.EndedByCut, name);
            Assert.Equal(["BEFORE", "AFTER"], receipt.Lines.Select(l => l.Text));
        }
    }

    [Fact]
    public void Raster_image_split_across_chunks_of_one_byte_never_leaks_into_text()
    {
        byte[] image = TextLookingImageData(72 * 120);
        byte[] stream = Of("Receipt #: 42\n", Gs, 'v', '0', 0, 72, 0, 120, 0, image, "TOTAL 9.99\n", Gs, 'V', 1);

        List<DecodedReceipt> receipts = DecoderRun.EscPos(stream, chunkSize: 1);

        DecodedReceipt receipt = Assert.Single(receipts);
        Assert.Equal("Receipt #: 42\nTOTAL 9.99", receipt.Text);
        Assert.DoesNotContain("LEAK", receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gs_8_L_with_a_large_length_is_skipped_by_counting_not_buffering()
    {
        const int length = 3_000_000;
        var decoder = new EscPosDecoder();
        decoder.Push(Of("BEFORE\n", Gs, '8', 'L', length & 0xFF, (length >> 8) & 0xFF, (length >> 16) & 0xFF, 0));

        byte[] chunk = TextLookingImageData(65_536);
        int remaining = length;
        int maxRetained = 0;
        while (remaining > 0)
        {
            int n = Math.Min(chunk.Length, remaining);
            Assert.Empty(decoder.Push(chunk.AsSpan(0, n)));
            maxRetained = Math.Max(maxRetained, decoder.RetainedSize);
            remaining -= n;
        }

        IReadOnlyList<DecodedReceipt> receipts = decoder.Push(Of("AFTER\n", Gs, 'V', 0));

        Assert.True(maxRetained < 100, $"retained {maxRetained}");
        Assert.Equal("BEFORE\nAFTER", Assert.Single(receipts).Text);
    }

    [Fact]
    public void Gs_8_L_declaring_four_gigabytes_ends_with_the_stream_and_keeps_earlier_text()
    {
        var decoder = new EscPosDecoder();
        decoder.Push(Of("BEFORE\n", Gs, '8', 'L', 0xFF, 0xFF, 0xFF, 0xFF, TextLookingImageData(1000)));

        DecodedReceipt? last = decoder.Flush();

        Assert.NotNull(last);
        Assert.Equal("BEFORE", last.Text);
        Assert.False(last.EndedByCut);
    }
}
