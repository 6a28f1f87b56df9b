using System.Text;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// `receipts learn` on captures of a made-up POS ("Kaffeehaus Sonne"): the dialect and the start-up code page
/// are found from the bytes, and the learned profile still reads as the default does.
/// </summary>
public sealed class CaptureProfileLearnerTests
{
    private static readonly Encoding Pc850;

    static CaptureProfileLearnerTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Pc850 = Encoding.GetEncoding(850);
    }

    [Fact]
    public void A_printer_left_on_a_western_page_is_learned_where_the_stream_selects_none()
    {
        var captures = new[] { DanishWithoutCodePage("1041", "Smørrebrød", "3,20"), DanishWithoutCodePage("1042", "Rødgrød med fløde", "2,90") };

        var learned = new CaptureProfileLearner(437).Learn("sonne", captures);

        Assert.Equal(ReceiptDialect.EscPos, learned.Profile.Dialect);
        Assert.Contains(learned.Profile.CodePage, new int?[] { 850, 858 });
        var sales = new ReceiptReader(learned.Profile, 437).ReadCapture(captures[0]);
        var sale = Assert.Single(sales);
        Assert.Contains("Smørrebrød", sale.Text, StringComparison.Ordinal);
        Assert.Contains("Sønderø", sale.Text, StringComparison.Ordinal);
        Assert.Equal(5.60m, sale.Total);
    }

    [Fact]
    public void A_stream_that_selects_its_own_code_page_keeps_the_configured_one()
    {
        var capture = new EscPosEncoder()
            .Initialize().CodePage(EscPosCodePage.Pc858)
            .Line("Kaffeehaus Sonne").Line("Bon-Nr. 77").Line("Milchkaffee           3,40").Line("SUMME EUR             3,40")
            .FeedAndCut().ToArray();

        var learned = new CaptureProfileLearner(437).Learn("sonne", [capture]);

        Assert.Null(learned.Profile.CodePage);
        Assert.Contains(learned.Findings, finding => finding.StartsWith("start-up code page 437 kept", StringComparison.Ordinal));
    }

    [Fact]
    public void Star_line_mode_bytes_are_learned_as_the_star_dialect()
    {
        var capture = Star("Kaffeehaus Sonne", "Receipt No 5521", "Flat white            4.10", "Scone                 2.60", "TOTAL                 6.70", "Thank you!");

        var learned = new CaptureProfileLearner(437).Learn("sonne-star", [capture, Star("Kaffeehaus Sonne", "Receipt No 5522", "Latte                 3.90", "TOTAL                 3.90")]);

        Assert.Equal(ReceiptDialect.StarLine, learned.Profile.Dialect);
        var sale = Assert.Single(new ReceiptReader(learned.Profile, 437).ReadCapture(capture));
        Assert.Equal(6.70m, sale.Total);
        Assert.Equal("5521", sale.ReceiptNumber);
    }

    [Fact]
    public void ESC_POS_bytes_are_not_taken_for_star_even_when_their_text_reads_alike()
    {
        var capture = new EscPosEncoder().Initialize().Line("Kaffeehaus Sonne").Line("Espresso   2.20").Line("TOTAL   2.20").FeedAndCut().ToArray();

        var learned = new CaptureProfileLearner(437).Learn("sonne", [capture, capture]);

        Assert.Equal(ReceiptDialect.EscPos, learned.Profile.Dialect);
    }

    [Fact]
    public void Capture_without_any_text_is_refused()
    {
        var capture = new EscPosEncoder().Initialize().FeedAndCut().ToArray();

        Assert.Throws<ArgumentException>(() => new CaptureProfileLearner(437).Learn("sonne", [capture]));
    }

    [Fact]
    public void Mojibake_reads_worse_than_words()
    {
        var words = new Drivers.EscPos.Decoding.DecodedReceipt([Line("Grüße aus München")], [], true);
        var garbage = new Drivers.EscPos.Decoding.DecodedReceipt([Line("Gr³▀e aus M³nchen")], [], true);

        Assert.True(CaptureProfileLearner.Readability(words) > CaptureProfileLearner.Readability(garbage));
    }

    private static Drivers.EscPos.Decoding.DecodedLine Line(string text) => new(text, false, false, 1, 1, Drivers.EscPos.Decoding.LineAlignment.Left);

    /// <summary>A receipt whose text is in PC850 with no ESC t: the printer's start-up page decides how it prints (ø is ¢ in PC437).</summary>
    private static byte[] DanishWithoutCodePage(string number, string item, string amount)
    {
        var bytes = new List<byte>();
        bytes.AddRange(new EscPosEncoder().Initialize().ToArray());
        foreach (var line in new[] { "Kaffebaren Sønderø", "Østergade 4, København", "Bon nr. " + number, "Kaffe med mælk              2,40", $"{item,-22}{amount,10}", "I ALT                       " + (2.40m + decimal.Parse(amount.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture)).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("de-DE")), "Byttepenge                  0,00", "Tak for besøget, på gensyn!" })
        {
            bytes.AddRange(Pc850.GetBytes(line));
            bytes.Add(0x0A);
        }

        bytes.AddRange(new EscPosEncoder().FeedAndCut().ToArray());
        return bytes.ToArray();
    }

    /// <summary>Star Line Mode: ESC @ to initialise, ESC E / ESC F bold on and off (no argument), ESC d 2 to cut (Star Line Mode manual, "Cutter control").</summary>
    private static byte[] Star(params string[] lines)
    {
        var bytes = new List<byte> { 0x1B, 0x40, 0x1B, 0x1D, 0x61, 0x01 };
        foreach (var line in lines)
        {
            var bold = line.StartsWith("TOTAL", StringComparison.Ordinal);
            if (bold)
            {
                bytes.AddRange([0x1B, 0x45]);
            }

            bytes.AddRange(Encoding.ASCII.GetBytes(line));
            if (bold)
            {
                bytes.AddRange([0x1B, 0x46]);
            }

            bytes.Add(0x0A);
        }

        bytes.AddRange([0x1B, 0x64, 0x02]);
        return bytes.ToArray();
    }
}
