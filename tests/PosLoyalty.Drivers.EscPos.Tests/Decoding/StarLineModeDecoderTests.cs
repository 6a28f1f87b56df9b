using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class StarLineModeDecoderTests
{
    private static List<DecodedReceipt> Decode(byte[] stream, int chunkSize = int.MaxValue) =>
        DecoderRun.All(new StarLineModeDecoder(), stream, chunkSize);

    [Fact]
    public void Star_receipts_split_at_ESC_d_and_keep_style()
    {
        byte[] stream = Of(
            Esc, '@', Esc, Gs, 'a', 1, Esc, 'E', "CORNER CAFE", Esc, 'F', "\n", Esc, Gs, 'a', 0,
            "Receipt #: 10001\n",
            Esc, '-', 1, "underlined", Esc, '-', 0, "\n",
            Esc, 'i', 1, 1, "TOTAL 10.47", Esc, 'i', 0, 0, "\n",
            Esc, 'd', 3,
            "second\n", Esc, 'd', '0');

        List<DecodedReceipt> receipts = Decode(stream);

        Assert.Equal(2, receipts.Count);
        Assert.Equal(new DecodedLine("CORNER CAFE", true, false, 1, 1, LineAlignment.Center), receipts[0].Lines[0]);
        Assert.Equal("Receipt #: 10001", receipts[0].Lines[1].Text);
        Assert.True(receipts[0].Lines[2].Underline);
        Assert.Equal(new DecodedLine("TOTAL 10.47", false, false, 2, 2, LineAlignment.Left), receipts[0].Lines[3]);
        Assert.Equal("second", receipts[1].Text);
        Assert.All(receipts, r => Assert.True(r.EndedByCut));
    }

    [Fact]
    public void Star_code_page_is_selected_with_ESC_GS_t()
    {
        // Star table 4 is PC858 (0x82 é, 0xD5 €), table 32 is WPC1252 (0xE9 é).
        byte[] stream = Of(Esc, Gs, 't', 4, "Caf", 0x82, " ", 0xD5, " ", Esc, Gs, 't', 32, "Caf", 0xE9, "\n");

        Assert.Equal("Café € Café", Assert.Single(Decode(stream)).Text);
    }

    [Fact]
    public void Star_expansion_commands_set_width_and_height()
    {
        byte[] stream = Of(0x0E, "wide", 0x14, "\n", Esc, 0x0E, "tall", Esc, 0x14, "\n", Esc, 'W', '2', Esc, 'h', 1, "big\n");

        DecodedLine[] lines = [.. Assert.Single(Decode(stream)).Lines];

        Assert.Equal((2, 1), (lines[0].WidthMultiplier, lines[0].HeightMultiplier));
        Assert.Equal((1, 2), (lines[1].WidthMultiplier, lines[1].HeightMultiplier));
        Assert.Equal((3, 2), (lines[2].WidthMultiplier, lines[2].HeightMultiplier));
    }

    [Fact]
    public void Star_absolute_position_lines_up_columns()
    {
        byte[] stream = Of("Tea", Esc, Gs, 'A', 0x68, 0x01, "2.00\n", "Scone", Esc, Gs, 'A', 0x68, 0x01, "3.25\n");

        DecodedReceipt receipt = Assert.Single(Decode(stream));

        Assert.All(receipt.Lines, l => Assert.Equal(30, l.Text.IndexOfAny(['2', '3'])));
    }

    [Fact]
    public void Star_graphics_and_raster_mode_never_leak_into_text()
    {
        byte[] stream = Of(
            "BEFORE\n",
            Esc, Gs, 'S', 1, 10, 0, 4, 0, 0, TextLookingImageData(40),
            Esc, 'K', 20, 0, TextLookingImageData(20),
            Esc, 'L', 30, 0, TextLookingImageData(30),
            Esc, '*', 'r', 'A', Esc, '*', 'r', 'Q', '2', 0, 'b', 12, 0, TextLookingImageData(12), 'b', 5, 0, TextLookingImageData(5), Esc, '*', 'r', 'B',
            "AFTER\n", Esc, 'd', 0);

        DecodedReceipt receipt = Assert.Single(Decode(stream, chunkSize: 1));

        Assert.Equal("BEFORE\nAFTER", receipt.Text);
    }

    [Fact]
    public void Star_raster_document_end_cuts()
    {
        byte[] stream = Of("text\n", Esc, '*', 'r', 'A', 'b', 2, 0, 0xFF, 0xFF, Esc, 0x0C, 0x04, Esc, '*', 'r', 'B', "next\n");

        List<DecodedReceipt> receipts = Decode(stream);

        Assert.Equal(["text", "next"], receipts.Select(r => r.Text));
        Assert.True(receipts[0].EndedByCut);
    }

    [Fact]
    public void Star_barcode_and_qr_payloads_are_reported()
    {
        byte[] stream = Of(
            Esc, 'b', '6', '2', '2', 60, "10001", 0x1E,
            Esc, Gs, 'y', 'S', '0', 2, Esc, Gs, 'y', 'D', '1', 0, 10, 0, "R-10001\nXY", Esc, Gs, 'y', 'P',
            "after\n", Esc, 'd', 1);

        DecodedReceipt receipt = Assert.Single(Decode(stream));

        Assert.Equal(
            [new DecodedBarcode(BarcodeSymbology.Code128, "10001"), new DecodedBarcode(BarcodeSymbology.QrCode, "R-10001?XY")],
            receipt.Barcodes);
        Assert.Equal("after", receipt.Text);
    }

    [Fact]
    public void Star_garbage_never_throws_and_recovers()
    {
        var random = new Random(7);
        byte[] garbage = new byte[200_000];
        random.NextBytes(garbage);
        var decoder = new StarLineModeDecoder();

        decoder.Push(garbage);
        decoder.Flush();
        IReadOnlyList<DecodedReceipt> receipts = decoder.Push(Of(Esc, '@', "Receipt #: 5\n", Esc, 'd', 0));

        Assert.Equal("Receipt #: 5", receipts[^1].Text);
    }
}
