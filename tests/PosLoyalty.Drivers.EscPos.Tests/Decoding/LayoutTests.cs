using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class LayoutTests
{
    [Fact]
    public void Esc_dollar_positioning_produces_aligned_columns()
    {
        // 360 dots at 12 dots per column = column 30.
        byte[] stream = Of(
            "Coffee", Esc, '$', 0x68, 0x01, "3.50\n",
            "Blueberry Muffin", Esc, '$', 0x68, 0x01, "12.00\n",
            Gs, 'V', 0);

        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(stream));

        Assert.Equal("Coffee                        3.50", receipt.Lines[0].Text);
        Assert.Equal(30, receipt.Lines[0].Text.IndexOf('3', StringComparison.Ordinal));
        Assert.Equal(30, receipt.Lines[1].Text.IndexOf("12.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Esc_backslash_moves_relative_to_the_current_position()
    {
        // "AB" ends at 24 dots; +120 dots = 10 columns further, at column 12.
        byte[] stream = Of("AB", Esc, '\\', 120, 0, "CD\n");

        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(stream));

        Assert.Equal("AB          CD", receipt.Text);
    }

    [Fact]
    public void Character_width_option_converts_dots_to_columns()
    {
        // A 58 mm printer with a 16-dot font: 160 dots = column 10.
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { CharacterWidthDots = 16 });

        DecodedReceipt receipt = Assert.Single(DecoderRun.All(decoder, Of("X", Esc, '$', 160, 0, "Y\n")));

        Assert.Equal(10, receipt.Text.IndexOf('Y', StringComparison.Ordinal));
    }

    [Fact]
    public void Horizontal_tab_moves_to_the_default_stops_every_8_columns()
    {
        byte[] stream = Of("A", Ht, "B", Ht, "C\n", "ABCDEFGHIJ", Ht, "K\n");

        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(stream));

        Assert.Equal("A       B       C", receipt.Lines[0].Text);
        Assert.Equal("ABCDEFGHIJ      K", receipt.Lines[1].Text);
    }

    [Fact]
    public void Esc_D_sets_tab_stops_in_columns()
    {
        byte[] stream = Of(Esc, 'D', 10, 20, 0, "Qty", Ht, "Item", Ht, "Sum\n", Esc, 'D', 0, "No", Ht, "stops\n");

        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(stream));

        Assert.Equal("Qty       Item      Sum", receipt.Lines[0].Text);
        Assert.Equal("Nostops", receipt.Lines[1].Text);
    }

    [Fact]
    public void Esc_D_list_that_stops_increasing_ends_and_the_byte_prints()
    {
        // ESC D 10 5: 5 is not greater than 10, so the list ends and 5 is processed as data (prints nothing).
        byte[] stream = Of(Esc, 'D', 10, 5, "x", Ht, "y", Ht, "z\n");

        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(stream));

        // One stop, at column 10: the second HT has nowhere to go and is ignored.
        Assert.Equal("x         yz", receipt.Text);
    }

    [Fact]
    public void Styles_are_reported_per_line()
    {
        byte[] stream = Of(
            Esc, 'a', 1, Esc, 'E', 1, "SHOP\n", Esc, 'E', 0, Esc, 'a', 0,
            Esc, '-', 1, "under\n", Esc, '-', 0,
            Gs, '!', 0x11, "BIG\n", Gs, '!', 0,
            Esc, '!', 0x38, "mode\n", Esc, '!', 0,
            Esc, 'G', 1, "strike\n", Esc, 'G', 0,
            Esc, 'a', 2, "right\n",
            "plain\n");

        DecodedLine[] lines = [.. Assert.Single(DecoderRun.EscPos(stream)).Lines];

        Assert.Equal(new DecodedLine("SHOP", true, false, 1, 1, LineAlignment.Center), lines[0]);
        Assert.Equal(new DecodedLine("under", false, true, 1, 1, LineAlignment.Left), lines[1]);
        Assert.Equal(new DecodedLine("BIG", false, false, 2, 2, LineAlignment.Left), lines[2]);
        Assert.Equal(new DecodedLine("mode", true, false, 2, 2, LineAlignment.Left), lines[3]);
        Assert.Equal(new DecodedLine("strike", true, false, 1, 1, LineAlignment.Left), lines[4]);
        Assert.Equal(new DecodedLine("right", false, false, 1, 1, LineAlignment.Right), lines[5]);
        Assert.Equal(new DecodedLine("plain", false, false, 1, 1, LineAlignment.Right), lines[6]);
    }

    [Fact]
    public void Code_page_switches_mid_line_decode_each_byte_with_its_page()
    {
        // 0x82 is é in PC850; 0xE9 is é in WPC1252; 0x94 is ö in PC437 (start-up page).
        byte[] stream = Of("Caf", Esc, 't', 2, 0x82, " ", Esc, 't', 16, "Caf", 0xE9, " ", Esc, 't', 0, "b", 0x94, "r\n");

        Assert.Equal("Café Café bör", Assert.Single(DecoderRun.EscPos(stream)).Text);
    }

    [Fact]
    public void Startup_code_page_is_configurable()
    {
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { StartupCodePage = 1252 });

        DecodedReceipt receipt = Assert.Single(DecoderRun.All(decoder, Of("Caf", 0xE9, "\n")));

        Assert.Equal("Café", receipt.Text);
    }

    [Fact]
    public void Esc_at_returns_to_the_startup_code_page()
    {
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { StartupCodePage = 858 });

        DecodedReceipt receipt = Assert.Single(DecoderRun.All(decoder, Of(Esc, 't', 16, 0x80, "\n", Esc, '@', 0xD5, "\n")));

        // 0x80 in WPC1252 and 0xD5 in PC858 are both the euro sign.
        Assert.Equal("€\n€", receipt.Text);
    }

    [Fact]
    public void International_character_set_replaces_the_twelve_national_positions()
    {
        byte[] stream = Of(Esc, 'R', 2, "[\\]{|}~\n", Esc, 'R', 5, "$10\n", Esc, 'R', 0, "[$]\n");

        Assert.Equal("ÄÖÜäöüß\n¤10\n[$]", Assert.Single(DecoderRun.EscPos(stream)).Text);
    }

    [Fact]
    public void Every_international_character_set_number_decodes_without_error()
    {
        for (int n = 0; n < 256; n++)
        {
            DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of(Esc, 'R', n, "#$@[\\]^`{|}~\n")));
            Assert.Equal(12, receipt.Text.Length);
        }
    }

    [Fact]
    public void Kanji_mode_decodes_shift_jis_and_jis_pairs_and_ends_with_FS_dot()
    {
        byte[] stream = Of(
            Fs, 'C', 1, Fs, '&', 0x93, 0xFA, 0x96, 0x7B, Fs, '.', " ok\n",
            Fs, 'C', 0, Fs, '&', 0x46, 0x7C, Fs, '.', "A\n");

        Assert.Equal("日本 ok\n日A", Assert.Single(DecoderRun.EscPos(stream)).Text);
    }

    [Fact]
    public void Kanji_pair_split_across_chunks_decodes_once()
    {
        byte[] stream = Of(Fs, 'C', 1, Fs, '&', 0x93, 0xFA, Fs, '.', "\n");

        Assert.Equal("日", Assert.Single(DecoderRun.EscPos(stream, chunkSize: 1)).Text);
    }

    [Fact]
    public void Carriage_return_ends_a_line_only_when_configured()
    {
        byte[] stream = Of("one\rtwo\r\n");

        Assert.Equal("onetwo", Assert.Single(DecoderRun.EscPos(stream)).Text);
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { CarriageReturnEndsLine = true });
        Assert.Equal("one\ntwo", Assert.Single(DecoderRun.All(decoder, stream)).Text);
    }
}
