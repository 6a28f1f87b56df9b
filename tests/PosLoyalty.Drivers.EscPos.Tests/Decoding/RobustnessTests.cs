using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class RobustnessTests
{
    [Fact]
    public void Garbage_never_throws_and_text_after_it_still_decodes()
    {
        var random = new Random(20261102);
        byte[] garbage = new byte[200_000];
        random.NextBytes(garbage);
        var decoder = new EscPosDecoder();

        decoder.Push(garbage);
        decoder.Flush();
        // Whatever state the garbage left, ESC @ and a cut bring the stream back.
        IReadOnlyList<DecodedReceipt> receipts = decoder.Push(Of(Gs, 'V', 0, Esc, '@', "Receipt #: 77\n", Gs, 'V', 0));

        Assert.Equal("Receipt #: 77", receipts[^1].Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x1B, (byte)'Z' })]            // unknown ESC command
    [InlineData(new byte[] { 0x1D, (byte)'Z' })]            // unknown GS command
    [InlineData(new byte[] { 0x1C, (byte)'Z' })]            // unknown FS command
    [InlineData(new byte[] { 0x10, (byte)'Z' })]            // DLE that is not a real-time command
    [InlineData(new byte[] { 0x1B, 0x1B })]                 // ESC ESC: the second one starts the next command
    public void Unknown_command_loses_at_most_its_own_bytes(byte[] unknown)
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("A", unknown, Esc, 'E', 1, "B\n", Gs, 'V', 0)));

        Assert.EndsWith("B", receipt.Text, StringComparison.Ordinal);
        Assert.True(receipt.Lines[0].Bold);
        Assert.True(receipt.Text.Length <= 3, receipt.Text);
    }

    [Fact]
    public void Real_time_status_request_in_the_middle_of_text_prints_nothing()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("AB", 0x10, 0x04, 1, "CD", 0x10, 0x14, 8, 1, 3, 20, 1, 6, 2, 8, "E\n")));

        Assert.Equal("ABCDE", receipt.Text);
    }

    [Fact]
    public void Lines_are_capped_at_the_configured_length()
    {
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { MaxLineLength = 64 });

        DecodedReceipt receipt = Assert.Single(DecoderRun.All(decoder, Of(new string('x', 10_000), "\nnext\n")));

        Assert.Equal(new string('x', 64), receipt.Lines[0].Text);
        Assert.Equal("next", receipt.Lines[1].Text);
    }

    [Fact]
    public void A_receipt_reaching_the_line_cap_is_reported_and_the_next_one_begins()
    {
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { MaxLinesPerReceipt = 10 });
        byte[] stream = Of(string.Concat(Enumerable.Range(1, 25).Select(i => $"line {i}\n")), Gs, 'V', 0);

        List<DecodedReceipt> receipts = DecoderRun.All(decoder, stream);

        Assert.Equal([10, 10, 5], receipts.Select(r => r.Lines.Count));
        Assert.Equal([false, false, true], receipts.Select(r => r.EndedByCut));
        Assert.Equal("line 25", receipts[2].Lines[^1].Text);
    }

    [Fact]
    public void Esc_at_discards_the_unprinted_line_as_the_printer_does()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("lost", Esc, '@', "kept\n")));

        Assert.Equal("kept", receipt.Text);
    }

    [Fact]
    public void Options_out_of_range_are_rejected_with_the_option_named()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new EscPosDecoder(new ReceiptDecoderOptions { CharacterWidthDots = 0 }));

        Assert.Equal("CharacterWidthDots", error.ParamName);
    }

    [Fact]
    public void Unknown_startup_code_page_falls_back_to_PC437()
    {
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { StartupCodePage = 99999 });

        Assert.Equal("ö", Assert.Single(DecoderRun.All(decoder, Of(0x94, "\n"))).Text);
    }
}
