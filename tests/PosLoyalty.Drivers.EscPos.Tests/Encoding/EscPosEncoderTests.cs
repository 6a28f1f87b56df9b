using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Encoders;

public sealed class EscPosEncoderTests
{
    [Fact]
    public void Initialize_is_ESC_at() =>
        Assert.Equal(Hex.Bytes("1B 40"), new EscPosEncoder().Initialize().ToArray());

    [Theory]
    [InlineData(EscPosCodePage.Pc437, 0)]
    [InlineData(EscPosCodePage.Pc850, 2)]
    [InlineData(EscPosCodePage.Wpc1252, 16)]
    [InlineData(EscPosCodePage.Pc852, 18)]
    [InlineData(EscPosCodePage.Pc858, 19)]
    public void Code_page_is_selected_with_ESC_t_n(EscPosCodePage page, byte n) =>
        Assert.Equal(new byte[] { 0x1B, 0x74, n }, new EscPosEncoder().CodePage(page).ToArray());

    [Fact]
    public void Text_goes_through_PC858_after_selecting_it()
    {
        var bytes = new EscPosEncoder().CodePage(EscPosCodePage.Pc858).Text("Grüße €5").ToArray();

        // ü 0x81, ß 0xE1, € 0xD5 in code page 858.
        Assert.Equal(Hex.Bytes("1B 74 13 47 72 81 E1 65 20 D5 35"), bytes);
    }

    [Fact]
    public void Text_goes_through_WPC1252_after_selecting_it()
    {
        var bytes = new EscPosEncoder().CodePage(EscPosCodePage.Wpc1252).Text("Grüße €5").ToArray();

        // ü 0xFC, ß 0xDF, € 0x80 in Windows-1252.
        Assert.Equal(Hex.Bytes("1B 74 10 47 72 FC DF 65 20 80 35"), bytes);
    }

    [Fact]
    public void Switching_code_page_mid_receipt_changes_how_later_text_is_encoded()
    {
        var bytes = new EscPosEncoder()
            .CodePage(EscPosCodePage.Pc858).Text("€")
            .CodePage(EscPosCodePage.Wpc1252).Text("€")
            .ToArray();

        Assert.Equal(Hex.Bytes("1B 74 13 D5 1B 74 10 80"), bytes);
    }

    [Fact]
    public void Pc437_has_no_euro_sign_so_it_prints_a_question_mark() =>
        Assert.Equal(Hex.Bytes("3F 35"), new EscPosEncoder().Text("€5").ToArray());

    [Fact]
    public void Initialize_returns_text_to_PC437_like_the_printer_does()
    {
        var encoder = new EscPosEncoder().CodePage(EscPosCodePage.Wpc1252).Initialize();

        Assert.Equal(EscPosCodePage.Pc437, encoder.ActiveCodePage);
        Assert.Equal(Hex.Bytes("1B 74 10 1B 40 81"), encoder.Text("ü").ToArray());
    }

    [Fact]
    public void Control_characters_in_text_cannot_smuggle_a_command_to_the_printer()
    {
        // A customer name holding ESC @ or GS V must print as text, not reset or cut the paper.
        var bytes = new EscPosEncoder().Text("A\u001B@\u001DV\u0001B\nC").ToArray();

        Assert.Equal(Hex.Bytes("41 3F 40 3F 56 3F 42 0A 43"), bytes);
    }

    [Fact]
    public void Line_ends_with_LF() =>
        Assert.Equal(Hex.Bytes("48 69 0A"), new EscPosEncoder().Line("Hi").ToArray());

    [Fact]
    public void Bold_underline_size_and_alignment_have_their_manual_bytes()
    {
        var bytes = new EscPosEncoder()
            .Bold(true).Bold(false)
            .Underline(UnderlineMode.Single).Underline(UnderlineMode.Double).Underline(UnderlineMode.None)
            .Size(2, 2).Size(1, 3).Size(8, 8).NormalSize()
            .Align(TextAlignment.Center).Align(TextAlignment.Right).Align(TextAlignment.Left)
            .ToArray();

        Assert.Equal(
            Hex.Bytes("1B 45 01 1B 45 00 1B 2D 01 1B 2D 02 1B 2D 00 1D 21 11 1D 21 02 1D 21 77 1D 21 00 1B 61 01 1B 61 02 1B 61 00"),
            bytes);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 9)]
    public void Size_outside_one_to_eight_is_refused(int width, int height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosEncoder().Size(width, height));

    [Fact]
    public void Code128_of_even_digits_uses_code_set_C_throughout() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 06 7B 43 0C 22 38 4E"), new EscPosEncoder().Code128("12345678").ToArray());

    [Fact]
    public void Code128_of_letters_then_four_digits_switches_from_B_to_C() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 08 7B 42 41 42 7B 43 0C 22"), new EscPosEncoder().Code128("AB1234").ToArray());

    [Fact]
    public void Code128_odd_digit_run_at_the_start_leaves_its_last_digit_to_set_B() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 08 7B 43 0C 22 7B 42 35 58"), new EscPosEncoder().Code128("12345X").ToArray());

    [Fact]
    public void Code128_odd_digit_run_after_letters_sends_its_first_digit_in_set_B() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 08 7B 42 41 31 7B 43 17 2D"), new EscPosEncoder().Code128("A12345").ToArray());

    [Fact]
    public void Code128_short_digit_run_stays_in_set_B() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 06 7B 42 41 31 32 42"), new EscPosEncoder().Code128("A12B").ToArray());

    [Fact]
    public void Code128_switches_back_to_B_after_a_digit_run() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 0A 7B 42 58 7B 43 0C 22 7B 42 59"), new EscPosEncoder().Code128("X1234Y").ToArray());

    [Fact]
    public void Code128_sends_a_brace_as_two_braces() =>
        Assert.Equal(Hex.Bytes("1D 6B 49 06 7B 42 61 7B 7B 62"), new EscPosEncoder().Code128("a{b").ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("Grüße")]
    [InlineData("TAB\tX")]
    public void Code128_refuses_what_set_B_and_C_cannot_carry(string data) =>
        Assert.Throws<ArgumentException>(() => new EscPosEncoder().Code128(data));

    [Fact]
    public void Code128_data_always_decodes_back_to_the_text() =>
        Prop.ForAll(
                Gen.Elements("0123456789AB-{ z".ToCharArray()).ArrayOf().Where(a => a.Length is > 0 and < 60).Select(a => new string(a)).ToArbitrary(),
                text =>
                {
                    var bytes = new EscPosEncoder().Code128(text).ToArray();
                    return bytes[3] == bytes.Length - 4 && DecodeCode128(bytes.AsSpan(4)) == text;
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Ean13_check_digit_of_400638133393_is_1() =>
        Assert.Equal(1, Ean13.ComputeCheckDigit("400638133393"));

    [Fact]
    public void Ean13_barcode_from_12_digits_carries_the_computed_check_digit() =>
        Assert.Equal(
            Hex.Bytes("1D 6B 43 0D 34 30 30 36 33 38 31 33 33 33 39 33 31"),
            new EscPosEncoder().Ean13Barcode("400638133393").ToArray());

    [Fact]
    public void Ean13_barcode_with_a_wrong_check_digit_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new EscPosEncoder().Ean13Barcode("4006381333932"));
        Assert.Contains("expected 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("40063813339")]
    [InlineData("40063813339A")]
    public void Ean13_needs_twelve_or_thirteen_digits(string digits) =>
        Assert.Throws<ArgumentException>(() => new EscPosEncoder().Ean13Barcode(digits));

    [Fact]
    public void QR_code_is_model_2_size_error_level_store_and_print()
    {
        var bytes = new EscPosEncoder().QrCode("AB", moduleSize: 6, QrErrorCorrection.Medium).ToArray();

        Assert.Equal(
            Hex.Bytes(
                "1D 28 6B 04 00 31 41 32 00" + // fn 65: model 2
                "1D 28 6B 03 00 31 43 06" + // fn 67: module size 6
                "1D 28 6B 03 00 31 45 31" + // fn 69: level M
                "1D 28 6B 05 00 31 50 30 41 42" + // fn 80: store "AB"
                "1D 28 6B 03 00 31 51 30"), // fn 81: print
            bytes);
    }

    [Fact]
    public void QR_store_length_counts_past_255_in_pH()
    {
        var bytes = new EscPosEncoder().QrCode(new string('x', 300)).ToArray();

        // 300 data bytes + cn, fn, m = 303 = 0x012F.
        Assert.True(Hex.IndexOf(bytes, Hex.Bytes("1D 28 6B 2F 01 31 50 30")) >= 0);
    }

    [Fact]
    public void Feed_cut_and_drawer_have_their_manual_bytes()
    {
        var bytes = new EscPosEncoder()
            .Feed(3)
            .Cut(CutMode.Full).Cut(CutMode.Partial)
            .FeedAndCut(CutMode.Full, 0).FeedAndCut(CutMode.Partial, 5)
            .OpenDrawer(DrawerPin.Pin2, 100, 200).OpenDrawer(DrawerPin.Pin5, 50, 50)
            .ToArray();

        Assert.Equal(
            Hex.Bytes("1B 64 03 1D 56 00 1D 56 01 1D 56 41 00 1D 56 42 05 1B 70 00 32 64 1B 70 01 19 19"),
            bytes);
    }

    [Fact]
    public void Barcode_height_width_and_text_position_have_their_manual_bytes() =>
        Assert.Equal(
            Hex.Bytes("1D 68 50 1D 77 03 1D 48 02"),
            new EscPosEncoder().BarcodeHeight(80).BarcodeModuleWidth(3).BarcodeText(HriPosition.Below).ToArray());

    /// <summary>Reads GS k 73 data back: {B/{C switch sets, {{ is a brace, set C bytes are digit pairs.</summary>
    private static string DecodeCode128(ReadOnlySpan<byte> data)
    {
        var text = new System.Text.StringBuilder();
        var set = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '{')
            {
                i++;
                if (data[i] == '{')
                {
                    text.Append('{');
                }
                else
                {
                    set = data[i];
                }

                continue;
            }

            if (set == 'C')
            {
                text.Append(data[i].ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (set == 'B')
            {
                text.Append((char)data[i]);
            }
            else
            {
                return "<data before a code set>";
            }
        }

        return text.ToString();
    }
}
