using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Tests.Receipts;
using static PosLoyalty.Service.Tests.Tap.StreamCodePages;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// Jobs that print more than one document, or print what is not text between the lines: a customer and a merchant
/// copy, a card terminal's slip after the receipt, a kitchen ticket beside the sale, code pages switched in the
/// middle of a line, raster logos, and StarPRNT's flush after the cut.
/// </summary>
public sealed class ReceiptStreamJobTests
{
    private const string Sale = """
        [C][B][2]Café Müller
        Bon-Nr. 4711|14.03.2026 09:41
        ---
        Milchkaffee|3,20
        Apfelstrudel|4,50
        ---
        [B][2]SUMME EUR|7,70
        girocard|7,70
        """;

    [Theory]
    [InlineData(PrintLibrary.NodeThermalEpson)]
    [InlineData(PrintLibrary.EscPosEncoder)]
    [InlineData(PrintLibrary.ReceiptLine)]
    [InlineData(PrintLibrary.PythonEscpos)]
    [InlineData(PrintLibrary.NodeThermalStar)]
    [InlineData(PrintLibrary.StarPrnt)]
    public void A_receipt_and_the_card_terminal_slip_after_it_credit_the_sale_once(PrintLibrary library)
    {
        var job = ReceiptScript.Print(library, Pc858, Sale + """

            [CUT]
            [C][B]KUNDENBELEG
            girocard kontaktlos
            Karte ************4421
            Terminal-ID 12345678
            Beleg 0815
            [B]Betrag EUR|7,70
            [C]Zahlung erfolgt
            """);

        var receipts = ReceiptStreamReading.Read(library, job);

        Assert.Equal(2, receipts.Count);
        ReceiptStreamTests.AssertCreditedSale(receipts[0], 7.70m, "4711");
        Assert.False(PrintedReceipt.Credited(receipts[1]), "the terminal slip was credited: " + ReceiptStreamReading.Describe(receipts[1]));
    }

    [Theory]
    [InlineData(PrintLibrary.NodeThermalEpson)]
    [InlineData(PrintLibrary.StarPrnt)]
    public void A_customer_copy_and_a_merchant_copy_in_one_job_credit_the_sale_once(PrintLibrary library)
    {
        const string copy = """
            [C][B]THE CORNER CAFE
            Receipt #: 100245|14/03/2026 09:41
            ---
            Flat white|3.40
            Almond croissant|2.95
            ---
            [B][2]TOTAL|6.35
            Visa|6.35
            """;
        var job = ReceiptScript.Print(library, Pc437, "[C]CUSTOMER COPY\n" + copy + "\n[CUT]\n[C]MERCHANT COPY\n" + copy);

        var receipts = ReceiptStreamReading.Read(library, job);

        Assert.Equal(2, receipts.Count);
        ReceiptStreamTests.AssertCreditedSale(receipts[0], 6.35m, "100245");
        // "CUSTOMER COPY" and "MERCHANT COPY" are not copy markers (either may come first, and a card slip prints
        // them too): the second copy earns nothing because it carries the same receipt number, the till's key.
        Assert.Equal("100245", receipts[1].ReceiptNumber);
        Assert.Equal(receipts[0].Total, receipts[1].Total);
    }

    [Theory]
    [InlineData(PrintLibrary.NodeThermalEpson)]
    [InlineData(PrintLibrary.ReceiptLine)]
    [InlineData(PrintLibrary.NodeThermalStar)]
    public void A_kitchen_ticket_printed_before_the_receipt_in_one_job_is_not_a_second_sale(PrintLibrary library)
    {
        var job = ReceiptScript.Print(library, Pc858, """
            [C][B][2]KÜCHE
            Tisch 7|09:40
            [2]1x Apfelstrudel
            [2]1x Milchkaffee
            [CUT]
            """ + "\n" + Sale);

        var receipts = ReceiptStreamReading.Read(library, job);

        Assert.Equal(2, receipts.Count);
        Assert.False(PrintedReceipt.Credited(receipts[0]), "the kitchen ticket was credited: " + ReceiptStreamReading.Describe(receipts[0]));
        ReceiptStreamTests.AssertCreditedSale(receipts[1], 7.70m, "4711");
    }

    [Fact]
    public void Code_pages_switched_in_the_middle_of_a_line_print_each_letter_in_its_own_page()
    {
        // receiptline 'multilingual' and python-escpos' magic encoding: ESC t before each run the current page lacks.
        const int esc = 0x1B;
        var job = new PrintJob()
            .Raw(esc, '@')
            .Raw(esc, 't', 17).Use(866).Text("Борщ украинский ").Raw(esc, 't', 19).Use(858).Text("5,50 €").Raw(0x0A)
            .Raw(esc, 't', 18).Use(852).Text("Żurek ").Raw(esc, 't', 19).Use(858).Text("& Käse         4,20 €").Raw(0x0A)
            .Raw(esc, 't', 16).Use(1252).Text("--------------------------").Raw(0x0A)
            .Raw(esc, 'E', 1).Text("TOTAL          ").Raw(esc, 't', 19).Use(858).Text("9,70 €").Raw(esc, 'E', 0).Raw(0x0A)
            .Raw(esc, 't', 14).Use(737).Text("Κάρτα").Raw(esc, 't', 16).Use(1252).Text("          9,70").Raw(0x0A)
            .Raw(0x1D, 'V', 1)
            .ToArray();

        var read = ReceiptStreamReading.Single(PrintLibrary.ReceiptLine, job);

        Assert.Equal(["Борщ украинский 5,50 €", "Żurek & Käse         4,20 €"], read.Text.Split('\n').Take(2));
        ReceiptStreamTests.AssertCreditedSale(read, 9.70m, null);
        Assert.Equal("EUR", read.Currency);
    }

    [Theory]
    [InlineData(PrintLibrary.NodeThermalEpson)]
    [InlineData(PrintLibrary.ReceiptLine)]
    [InlineData(PrintLibrary.NodeThermalStar)]
    public void A_raster_logo_above_the_receipt_prints_no_text(PrintLibrary library)
    {
        var job = ReceiptScript.Print(library, Pc858, "[LOGO]\n" + Sale);

        var read = ReceiptStreamReading.Single(library, job);

        Assert.Equal("Café Müller", read.Text.Split('\n')[0].Trim());
        ReceiptStreamTests.AssertCreditedSale(read, 7.70m, "4711");
    }

    [Fact]
    public void A_StarPRNT_bit_image_logo_above_the_receipt_prints_no_text()
    {
        // receipt-printer-encoder, star-prnt: image() sends ESC 0, then per 24-dot band ESC X nL nH and 3 bytes a column, LF CR; ESC z 1.
        var logo = new PrintJob().Raw(0x1B, '@', 0x18, 0x1B, '0');
        var bits = ReceiptScript.LogoBits(64 * 3 * 2);
        for (var band = 0; band < 2; band++)
        {
            logo.Raw(0x1B, 'X', 64, 0).Raw(bits.Skip(band * 192).Take(192).ToArray()).Raw(0x0A, 0x0D);
        }

        logo.Raw(0x1B, 'z', 1);
        var job = logo.ToArray().Concat(ReceiptScript.Print(PrintLibrary.StarPrnt, Pc858, Sale)).ToArray();

        var read = ReceiptStreamReading.Single(PrintLibrary.StarPrnt, job);

        Assert.Equal("Café Müller", read.Text.Split('\n')[0].Trim());
        ReceiptStreamTests.AssertCreditedSale(read, 7.70m, "4711");
    }

    [Fact]
    public void StarPRNT_flush_after_the_cut_prints_nothing()
    {
        var job = ReceiptScript.Print(PrintLibrary.StarPrnt, Pc858, Sale).Concat(new PrintJob().Raw(0x1B, 0x1D, 'P', '0', 0x1B, 0x1D, 'P', '1').ToArray()).ToArray();

        var read = ReceiptStreamReading.Single(PrintLibrary.StarPrnt, job);

        ReceiptStreamTests.AssertCreditedSale(read, 7.70m, "4711");
    }

    [Fact]
    public void Columns_laid_out_by_tabs_at_the_default_stops_read_as_columns()
    {
        const int esc = 0x1B;
        var job = new PrintJob(858)
            .Raw(esc, '@', esc, 't', 19)
            .Text("Bon-Nr. 4711").Raw(0x0A)
            .Text("Milchkaffee\t\t\t3,20").Raw(0x0A)
            .Text("Apfelstrudel\t\t\t4,50").Raw(0x0A)
            .Raw(esc, 'E', 1).Text("SUMME EUR\t\t\t7,70").Raw(esc, 'E', 0).Raw(0x0A)
            .Text("girocard\t\t\t7,70").Raw(0x0A)
            .Raw(0x1D, 'V', 0)
            .ToArray();

        var read = ReceiptStreamReading.Single(PrintLibrary.PythonEscpos, job);

        ReceiptStreamTests.AssertCreditedSale(read, 7.70m, "4711");
        Assert.Equal(2, read.Items.Count);
    }

    [Fact]
    public void A_receipt_in_Windows_code_pages_1251_1253_and_1254_reads_like_its_DOS_page()
    {
        foreach (var (pages, script, total, number) in new[]
        {
            (Wpc1251, ReceiptStreamTests.Sales["ru"].Script, 350.00m, "117"),
            (Wpc1253, ReceiptStreamTests.Sales["el"].Script, 8.00m, "3345"),
            (Wpc1254, ReceiptStreamTests.Sales["tr"].Script, 80.00m, "0087"),
        })
        {
            var read = ReceiptStreamReading.Single(PrintLibrary.NodeThermalEpson, ReceiptScript.Print(PrintLibrary.NodeThermalEpson, pages, script));
            ReceiptStreamTests.AssertCreditedSale(read, total, number);
        }
    }
}
