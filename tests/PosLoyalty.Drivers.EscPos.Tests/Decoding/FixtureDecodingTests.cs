using System.Globalization;
using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class FixtureDecodingTests
{
    public static IEnumerable<object[]> Files() => ReceiptFixtures.FileNames();

    public static IEnumerable<object[]> SwedishFiles() =>
        ReceiptFixtures.Files.Where(f => f.Contains("sv-SE", StringComparison.Ordinal) || f.Contains("kitchen", StringComparison.Ordinal))
            .Select(f => new object[] { f });

    [Fact]
    public void All_eight_fixtures_are_copied_into_the_test_output()
    {
        Assert.Equal(8, ReceiptFixtures.Files.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_splits_into_the_expected_number_of_receipts_each_ended_by_a_cut(string file)
    {
        List<DecodedReceipt> receipts = DecoderRun.EscPos(ReceiptFixtures.Read(file));

        Assert.Equal(ReceiptFixtures.Expected(file).Count, receipts.Count);
        Assert.All(receipts, r => Assert.True(r.EndedByCut));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_receipt_text_contains_its_total_and_receipt_number(string file)
    {
        List<DecodedReceipt> receipts = DecoderRun.EscPos(ReceiptFixtures.Read(file));
        IReadOnlyList<ExpectedReceipt> expected = ReceiptFixtures.Expected(file);

        Assert.Equal(expected.Count, receipts.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            string text = receipts[i].Text;
            if (expected[i].ReceiptNumber is { } number)
            {
                Assert.Contains(number, text, StringComparison.Ordinal);
            }

            if (expected[i].Total is { } total)
            {
                Assert.Contains(AsPrinted(total, expected[i].Currency), text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Image_and_barcode_data_never_leak_into_text(string file)
    {
        List<DecodedReceipt> receipts = DecoderRun.EscPos(ReceiptFixtures.Read(file));

        foreach (DecodedLine line in receipts.SelectMany(r => r.Lines))
        {
            Assert.DoesNotContain(line.Text, c => char.IsControl(c) || c is '\uFFFD' or '?' or '\u00A0' or 'ÿ');
            Assert.False(HasGarbageRun(line.Text), $"garbage run in \"{line.Text}\"");
        }
    }

    [Theory]
    [MemberData(nameof(SwedishFiles))]
    public void Swedish_letters_decode_through_the_selected_code_page(string file)
    {
        string text = string.Join('\n', DecoderRun.EscPos(ReceiptFixtures.Read(file)).Select(r => r.Text));

        Assert.Contains("KAFÉ SOLROS", text, StringComparison.Ordinal);
        Assert.Contains("Göteborg", text, StringComparison.Ordinal);
        Assert.Contains("Tack för besöket!", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("004-sv-SE-epson-tm-t88vi.bin", "Räksmörgås", "Växel")]
    [InlineData("005-sv-SE-receiptline-escpos.bin", "2 x Räksmörgås", "Växel")]
    [InlineData("008-multi-kitchen.bin", "1 x Räksmörgås", "Växel")]
    public void Code_page_switches_mid_word_keep_the_word_whole(string file, string word, string other)
    {
        string text = string.Join('\n', DecoderRun.EscPos(ReceiptFixtures.Read(file)).Select(r => r.Text));

        Assert.Contains(word, text, StringComparison.Ordinal);
        Assert.Contains(other, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_number_barcode_and_qr_payloads_are_reported()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(ReceiptFixtures.Read("004-sv-SE-epson-tm-t88vi.bin")));

        Assert.Equal(
            [new DecodedBarcode(BarcodeSymbology.Code128, "005535"), new DecodedBarcode(BarcodeSymbology.QrCode, "https://example.invalid/r/5535")],
            receipt.Barcodes);
    }

    [Fact]
    public void Separator_lines_in_katakana_page_decode_as_box_drawing()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(ReceiptFixtures.Read("002-en-US-receiptline-escpos.bin")));

        Assert.Contains(receipt.Lines, l => l.Text == new string('─', 48));
    }

    [Fact]
    public void Receiptline_columns_placed_with_ESC_dollar_line_up_on_the_right()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(ReceiptFixtures.Read("002-en-US-receiptline-escpos.bin")));

        DecodedLine item = Assert.Single(receipt.Lines, l => l.Text.StartsWith("Oat Latte", StringComparison.Ordinal));
        DecodedLine cash = Assert.Single(receipt.Lines, l => l.Text.StartsWith("CASH", StringComparison.Ordinal));
        Assert.Equal(48, item.Text.Length);
        Assert.Equal(48, cash.Text.Length);
        Assert.EndsWith("1,234.56", item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Double_size_bold_total_line_carries_its_style()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(ReceiptFixtures.Read("003-en-US-epson-tm-t88vi.bin")));

        DecodedLine total = Assert.Single(receipt.Lines, l => l.Text == "TOTAL $21.52");
        Assert.True(total.Bold);
        Assert.Equal(2, total.WidthMultiplier);
        Assert.Equal(2, total.HeightMultiplier);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Decoding_one_byte_at_a_time_gives_the_same_receipts(string file)
    {
        byte[] bytes = ReceiptFixtures.Read(file);

        List<DecodedReceipt> whole = DecoderRun.EscPos(bytes);
        List<DecodedReceipt> bytewise = DecoderRun.EscPos(bytes, chunkSize: 1);

        Assert.Equal(whole.Select(r => r.Text), bytewise.Select(r => r.Text));
        Assert.Equal(whole.SelectMany(r => r.Barcodes), bytewise.SelectMany(r => r.Barcodes));
    }

    [Fact]
    public void Copy_and_original_in_one_stream_come_out_as_two_receipts_with_the_same_number()
    {
        List<DecodedReceipt> receipts = DecoderRun.EscPos(ReceiptFixtures.Read("007-multi-copy.bin"));

        Assert.Equal(2, receipts.Count);
        Assert.DoesNotContain("COPY", receipts[0].Text, StringComparison.Ordinal);
        Assert.Contains("** COPY **", receipts[1].Text, StringComparison.Ordinal);
        Assert.All(receipts, r => Assert.Contains("Receipt #: 10007", r.Text, StringComparison.Ordinal));
    }

    private static string AsPrinted(string total, string currency)
    {
        // The captures print amounts the local way: "1,234.56" (en-US), "2 469,12" (sv-SE).
        CultureInfo culture = CultureInfo.GetCultureInfo(currency == "SEK" ? "sv-SE" : "en-US");
        return decimal.Parse(total, CultureInfo.InvariantCulture).ToString("N2", culture)
            .Replace('\u00A0', ' ')
            .Replace('\u202F', ' ');
    }

    private static bool HasGarbageRun(string text)
    {
        int run = 1;
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            run = c == text[i - 1] ? run + 1 : 1;
            bool ruleOrSpace = c is ' ' or '-' or '=' or '*' or '_' || c is >= '\u2500' and <= '\u257F';
            if (run >= 6 && !ruleOrSpace)
            {
                return true;
            }
        }

        return false;
    }
}
