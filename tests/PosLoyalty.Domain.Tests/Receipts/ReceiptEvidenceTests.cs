using System.Globalization;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>
/// The layouts real POS software and printer libraries print a total and a receipt number in: emphasis with no
/// label, a label above a double-size amount, currency signs on either side, every digit grouping, items on two
/// lines, VAT tables, tender and change, discounts, dot leaders, and a receipt number repeated in a barcode.
/// </summary>
public sealed class ReceiptEvidenceTests
{
    [Fact]
    public void An_unlabelled_double_size_amount_backed_by_the_items_and_the_change_is_the_total()
    {
        var sale = PrintedReceipt.Read("""
            CORNER DELI
            Receipt 20931
            Turkey Club                 8.95
            Chips                       1.50
            Soda                        2.05
            --------------------------------
            [B2]                       12.50
            CASH                       20.00
            CHANGE                      7.50
            """);

        PrintedReceipt.CreditedSale(sale, 12.50m, "20931");
    }

    [Fact]
    public void An_unlabelled_bold_amount_that_only_the_items_back_is_the_total()
    {
        var sale = PrintedReceipt.Read("""
            CORNER DELI
            Receipt 20932
            Turkey Club                 8.95
            Chips                       1.50
            --------------------------------
            [B]                        10.45
            """);

        Assert.True(sale.Total == 10.45m && sale.IsSale, PrintedReceipt.Describe(sale));
    }

    [Theory]
    [InlineData("TOTAL", "€23.40", "23.40", "EUR")]
    [InlineData("ZU ZAHLEN", "23,40 EUR", "23.40", "EUR")]
    [InlineData("TOTAL À PAYER", "23,40 €", "23.40", "EUR")]
    [InlineData("ATT BETALA", "234,00 kr", "234.00", "kr")]
    [InlineData("ИТОГ", "=1 250.00", "1250.00", null)]
    [InlineData("TOPLAM", "*125,50", "125.50", null)]
    public void A_total_label_on_one_line_and_its_double_size_amount_on_the_next_are_read_together(string label, string amount, string expected, string? currency)
    {
        var sale = PrintedReceipt.Read($"""
            Receipt 3001
            Item one                    10,00
            Item two                     5,00
            [B]{label}
            [B2]          {amount}
            """);

        Assert.True(sale.Total == decimal.Parse(expected, CultureInfo.InvariantCulture) && sale.Currency == currency, PrintedReceipt.Describe(sale));
        Assert.True(PrintedReceipt.Credited(sale), PrintedReceipt.Describe(sale));
    }

    [Theory]
    [InlineData("TOTAL                    €12,50", "12.50", "EUR")]
    [InlineData("SUMME                   12,50 €", "12.50", "EUR")]
    [InlineData("TOTAL                 EUR 12.50", "12.50", "EUR")]
    [InlineData("ATT BETALA             125,00 kr", "125.00", "kr")]
    [InlineData("I ALT                 kr. 125,00", "125.00", "kr")]
    [InlineData("CELKEM                 1 250 Kč", "1250", "CZK")]
    [InlineData("CELKEM               1 250,00 Kč", "1250.00", "CZK")]
    [InlineData("ÖSSZESEN              12 500 Ft", "12500", "HUF")]
    [InlineData("ÖSSZESEN               1.680 Ft", "1680", "HUF")]
    [InlineData("DO ZAPŁATY            125,50 zł", "125.50", "PLN")]
    [InlineData("JUMLAH                 RM 12.50", "12.50", "MYR")]
    [InlineData("TOTAL                  R$ 12,50", "12.50", "BRL")]
    [InlineData("TOPLAM                 125,50 TL", "125.50", "TRY")]
    [InlineData("TOPLAM                   ₺125,50", "125.50", "TRY")]
    [InlineData("ИТОГО               1 250,00 ₽", "1250.00", "RUB")]
    [InlineData("ИТОГ               1250.00 руб.", "1250.00", "RUB")]
    [InlineData("TOTAL                    $12.50", "12.50", "$")]
    [InlineData("TOTAL                  12.50 $", "12.50", "$")]
    [InlineData("TOTAL                  $ 1,234.56", "1234.56", "$")]
    [InlineData("SUMME               1.234,56 EUR", "1234.56", "EUR")]
    [InlineData("TOTAL TTC           1 234,56 €", "1234.56", "EUR")]
    [InlineData("TOTAL CHF            1'234.50", "1234.50", "CHF")]
    [InlineData("ΣΥΝΟΛΟ                 €6,70", "6.70", "EUR")]
    public void Amounts_are_read_with_their_currency_before_or_after_and_any_digit_grouping(string totalLine, string expected, string? currency)
    {
        var sale = PrintedReceipt.Read($"""
            Receipt 4001
            Something                   1,00
            [B]{totalLine}
            """);

        Assert.True(sale.Total == decimal.Parse(expected, CultureInfo.InvariantCulture) && sale.Currency == currency, PrintedReceipt.Describe(sale));
    }

    [Fact]
    public void Items_printed_on_two_lines_count_once_each_with_their_quantity()
    {
        var sale = PrintedReceipt.Read("""
            GREEN GROCER
            Receipt 5510
            Bananas
              0.456 kg @ 1.99/kg            0.91
            Whiteboard Pen
              3 x 1.20                      3.60
            Sourdough Loaf
              1 x 4.50                      4.50
            [B]TOTAL                        9.01
            CASH                           10.00
            CHANGE                          0.99
            """);

        PrintedReceipt.CreditedSale(sale, 9.01m, "5510");
        Assert.Equal(["Bananas", "Whiteboard Pen", "Sourdough Loaf"], sale.Items.Select(i => i.Description));
        Assert.Equal([0.456m, 3m, 1m], sale.Items.Select(i => i.Quantity));
    }

    [Fact]
    public void A_quantity_and_unit_before_x_keep_the_quantity_and_not_the_unit_price_after_it()
    {
        var sale = PrintedReceipt.Read("""
            PADARIA PÃO DOURADO LTDA
            NFC-e 000124
            001 7891000 PAO FRANCES 0,500 KG x 15,90     7,95
            002 7892000 CAFE COADO 2 UN x 4,50           9,00
            [B]Valor a Pagar R$                         16,95
            Dinheiro                                   20,00
            Troco R$                                    3,05
            """);

        Assert.True(sale.Items.Select(i => i.Quantity).SequenceEqual([0.5m, 2m]), $"quantities [{string.Join(", ", sale.Items.Select(i => i.Quantity))}] {PrintedReceipt.Describe(sale)}");
    }

    [Fact]
    public void A_VAT_table_printed_before_the_total_is_neither_items_nor_the_total()
    {
        var sale = PrintedReceipt.Read("""
            Feinkost Krämer
            Beleg-Nr. 30412
            Olivenöl                   10,00 A
            Brot                        5,00 B
            MwSt-Satz   Netto   MwSt   Brutto
            A 19%        8,40   1,60    10,00
            B 7%         4,67   0,33     5,00
            [B]SUMME                   15,00
            EC-Karte                   15,00
            """);

        PrintedReceipt.CreditedSale(sale, 15.00m, "30412");
        Assert.True(sale.Items.Count == 2, PrintedReceipt.Describe(sale));
    }

    [Fact]
    public void The_total_printed_after_tender_and_change_is_still_the_total()
    {
        var sale = PrintedReceipt.Read("""
            QUICK MART
            Trans #: 0012   Store: 0456   Reg: 03
            Milk 1 gal                  3.49
            Eggs dozen                  2.99
            Bread                       2.79
            Cash tendered              50.00
            Change                     40.73
            [B2]TOTAL                   9.27
            """);

        PrintedReceipt.CreditedSale(sale, 9.27m, "0012");
    }

    [Fact]
    public void A_balance_due_of_zero_after_the_card_paid_is_not_the_total()
    {
        var sale = PrintedReceipt.Read("""
            QUICK MART
            Receipt 88812
            Coffee beans               12.99
            Filters                     3.49
            SUBTOTAL                   16.48
            TAX                         1.32
            [B]TOTAL                   17.80
            VISA ************1881      17.80
            BALANCE DUE                 0.00
            """);

        PrintedReceipt.CreditedSale(sale, 17.80m, "88812");
    }

    [Fact]
    public void An_amount_due_of_zero_after_a_cash_payment_is_not_the_total()
    {
        var sale = PrintedReceipt.Read("""
            Kiosk am Markt
            Bon-Nr. 7713
            Zeitung                     2,50
            Kaffee                      2,20
            [B]SUMME                    4,70
            Bar                        10,00
            Rückgeld                    5,30
            Zu zahlen                   0,00
            """);

        PrintedReceipt.CreditedSale(sale, 4.70m, "7713");
    }

    [Fact]
    public void A_discount_on_the_subtotal_makes_the_lower_amount_the_total()
    {
        var sale = PrintedReceipt.Read("""
            BOOK NOOK
            Receipt No: 60021
            Paperback novel            12.00
            Bookmark                    8.00
            Subtotal                   20.00
            Discount 10%               -2.00
            [B]TOTAL                   18.00
            MASTERCARD                 18.00
            YOU SAVED                   2.00
            """);

        PrintedReceipt.CreditedSale(sale, 18.00m, "60021");
        Assert.Equal(2, sale.Items.Count);
    }

    [Fact]
    public void A_total_before_discount_loses_to_the_total_after_it()
    {
        var sale = PrintedReceipt.Read("""
            BOOK NOOK
            Receipt No: 60022
            Paperback novel            12.00
            Bookmark                    8.00
            Total before discount      20.00
            Member discount            -3.00
            [B]TOTAL                   17.00
            CASH                       20.00
            CHANGE                      3.00
            """);

        PrintedReceipt.CreditedSale(sale, 17.00m, "60022");
    }

    [Fact]
    public void An_item_discount_under_its_item_is_not_an_item()
    {
        var sale = PrintedReceipt.Read("""
            SUPERMARKT NOORD
            Bonnr: 77102
            Kaas jong belegen           6,49
              Bonus korting            -1,00
            Melk halfvol                1,19
            [B]Totaal                   6,68
            PIN                         6,68
            """);

        PrintedReceipt.CreditedSale(sale, 6.68m, "77102");
        Assert.Equal(2, sale.Items.Count);
    }

    [Fact]
    public void A_total_quantity_line_is_not_the_total()
    {
        var sale = PrintedReceipt.Read("""
            KEDAI MAJU JAYA
            Receipt No: KMJ-2231
            Teh O ais                   2.50
            Mee goreng                  7.00
            Roti bakar                  3.50
            [B]TOTAL                   13.00
            Total Qty:                     3
            CASH                       20.00
            CHANGE                      7.00
            """);

        PrintedReceipt.CreditedSale(sale, 13.00m, "KMJ-2231");
    }

    [Fact]
    public void Dot_leaders_between_label_and_amount_are_read()
    {
        var sale = PrintedReceipt.Read("""
            MY STORE
            Receipt #1234
            Item 1..................$10.00
            Item 2..................$15.00
            [B]Total...................$25.00
            Thank you for your purchase!
            """);

        PrintedReceipt.CreditedSale(sale, 25.00m, "1234");
        Assert.Equal(2, sale.Items.Count);
    }

    [Fact]
    public void A_receipt_number_printed_again_in_the_barcode_is_confirmed_by_it()
    {
        var sale = PrintedReceipt.Read("""
            HARBOR BAGELS
            Receipt #100490
            Large Coffee                2.75
            [B]TOTAL                    2.75
            CASH                        5.00
            CHANGE                      2.25
            """, "100490");

        PrintedReceipt.CreditedSale(sale, 2.75m, "100490");
        Assert.Contains(sale.Evidence, e => e.Contains("barcode", StringComparison.Ordinal));
    }

    [Fact]
    public void A_receipt_number_printed_only_in_the_barcode_is_read_from_it()
    {
        var sale = PrintedReceipt.Read("""
            HARBOR BAGELS
            Tel (207) 555-0148
            Large Coffee                2.75
            [B]TOTAL                    2.75
            CASH                        5.00
            CHANGE                      2.25
            Scan for returns
            """, "R0100491");

        PrintedReceipt.CreditedSale(sale, 2.75m, "R0100491");
    }

    [Fact]
    public void A_shop_address_number_is_not_a_receipt_number()
    {
        var sale = PrintedReceipt.Read("""
            KEDAI ROTI SERI MURNI
            No. 8, Jalan Bunga Raya
            50450 Kuala Lumpur
            Roti canai                  1.50
            [B]JUMLAH                RM 1.50
            Tunai                       2.00
            Baki                        0.50
            """);

        PrintedReceipt.CreditedSale(sale, 1.50m, null);
    }

    [Fact]
    public void A_Turkish_street_number_is_not_a_receipt_number()
    {
        var sale = PrintedReceipt.Read("""
            SİMİT SARAYI
            Atatürk Cad. No:45 Çankaya/ANKARA
            Simit            %1       *15,00
            [B]TOPLAM                 *15,00
            NAKİT                     *20,00
            PARA ÜSTÜ                  *5,00
            """);

        PrintedReceipt.CreditedSale(sale, 15.00m, null);
    }

    [Fact]
    public void Table_register_and_cashier_numbers_beside_a_bare_number_sign_are_not_the_receipt_number()
    {
        var sale = PrintedReceipt.Read("""
            PIZZA PALACE
            Table #9    Register #2    Cashier #14
            # 004417
            Margherita                 11.00
            [B]TOTAL                   11.00
            CASH                       20.00
            CHANGE                      9.00
            """);

        PrintedReceipt.CreditedSale(sale, 11.00m, "004417");
    }

    [Fact]
    public void A_German_TSE_receipt_with_its_number_only_as_Beleg_takes_that_not_the_TSE_counters()
    {
        var sale = PrintedReceipt.Read("""
            Imbiss am Eck
            Kasse 2
            Currywurst Pommes           6,50
            Cola 0,33l                  2,50
            [B2]SUMME EUR               9,00
            Bar                        10,00
            Rückgeld                    1,00
            TSE-Start: 2026-03-14T12:30:01
            TSE-Stop:  2026-03-14T12:30:04
            TSE-Transaktionsnummer: 48213
            TSE-Signaturzähler: 96420
            TSE-Seriennummer: 3f2a9b1c
            Beleg 1207
            """);

        PrintedReceipt.CreditedSale(sale, 9.00m, "1207");
    }

    [Fact]
    public void A_plain_receipt_with_no_emphasis_anywhere_is_still_credited_when_its_sums_agree()
    {
        var sale = PrintedReceipt.Read("""
            HARDWARE HUT
            Invoice No: HH-55012
            Wood screws 100pk           6.99
            Hinges x2                   9.98
            Subtotal                   16.97
            Sales Tax 8%                1.36
            Total                      18.33
            Cash                       20.00
            Change                      1.67
            """);

        PrintedReceipt.CreditedSale(sale, 18.33m, "HH-55012");
    }

    [Theory]
    [InlineData("Grand Total", "15.00", "15.00")]
    [InlineData("Amount Payable", "15.00", "15.00")]
    [InlineData("Endbetrag", "15,00", "15.00")]
    [InlineData("Gesamt EUR", "15,00", "15.00")]
    [InlineData("Net à payer", "15,00 €", "15.00")]
    [InlineData("Importe total", "15,00 €", "15.00")]
    [InlineData("Totale EUR", "15,00", "15.00")]
    [InlineData("Te betalen", "€ 15,00", "15.00")]
    [InlineData("Totalbelopp", "150,00 kr", "150.00")]
    [InlineData("Til betaling", "150,00", "150.00")]
    [InlineData("Å betale", "150,00", "150.00")]
    [InlineData("Maksettava", "15,00 €", "15.00")]
    [InlineData("Tasuda", "15,00 €", "15.00")]
    [InlineData("Fizetendő", "1 500 Ft", "1500")]
    [InlineData("Do zapłaty", "15,00 zł", "15.00")]
    [InlineData("K platbě", "150,00 Kč", "150.00")]
    [InlineData("Ödenecek Tutar", "*15,00", "15.00")]
    [InlineData("Итого к оплате", "150.00", "150.00")]
    [InlineData("Valor a pagar R$", "15,00", "15.00")]
    [InlineData("Jumlah Perlu Dibayar", "RM 15.00", "15.00")]
    [InlineData("Πληρωτέο", "15,00 €", "15.00")]
    public void The_amount_due_is_read_whatever_words_each_language_prints_for_it(string label, string amount, string expected)
    {
        var total = decimal.Parse(expected, CultureInfo.InvariantCulture);
        var half = (total / 3m).ToString("0.00", CultureInfo.InvariantCulture);
        var rest = (total - Math.Round(total / 3m, 2)).ToString("0.00", CultureInfo.InvariantCulture);
        var sale = PrintedReceipt.Read($"""
            Receipt 7001
            First thing                 {half}
            Second thing                {rest}
            {label}        {amount}
            """);

        Assert.True(sale.Total == total && PrintedReceipt.Credited(sale), PrintedReceipt.Describe(sale));
    }

    [Theory]
    [InlineData("Ticket #: 0042", "0042")]
    [InlineData("Transaction 1234-5678", "1234-5678")]
    [InlineData("Invoice #INV-2026-0042", "INV-2026-0042")]
    [InlineData("Rechnung Nr. 2026-0042", "2026-0042")]
    [InlineData("Beleg-Nr.: 000815", "000815")]
    [InlineData("Facture n° F-2026-0042", "F-2026-0042")]
    [InlineData("Ticket nº 0042", "0042")]
    [InlineData("Scontrino n. 0042", "0042")]
    [InlineData("Kvittonr: 0042", "0042")]
    [InlineData("Paragon nr 0042", "0042")]
    [InlineData("Doklad č. 0042", "0042")]
    [InlineData("Fiş No: 0042", "0042")]
    [InlineData("Чек № 0042", "0042")]
    [InlineData("Cupom Fiscal Nº 0042", "0042")]
    [InlineData("No. Resit: 0042", "0042")]
    [InlineData("Αρ. Απόδειξης: 0042", "0042")]
    public void The_receipt_number_is_read_after_each_language_s_label_beside_a_table_and_a_register(string numberLine, string expected)
    {
        var sale = PrintedReceipt.Read($"""
            SOME SHOP
            Table 12   Register 3
            {numberLine}
            Thing                       5,00
            [B]TOTAL                    5,00
            """);

        Assert.True(sale.ReceiptNumber == expected, PrintedReceipt.Describe(sale));
    }

    [Fact]
    public void A_Star_printer_receipt_reads_like_an_ESC_POS_one()
    {
        var lines = PrintedReceipt.Lines("""
            STAR CAFE
            Receipt 9001
            Espresso                    3.00
            [B2]TOTAL                   3.00
            CASH                        5.00
            CHANGE                      2.00
            """);
        var sale = new ReceiptSaleExtractor(BuiltInReceiptProfiles.Star).Extract(lines, []);

        PrintedReceipt.CreditedSale(sale, 3.00m, "9001");
    }
}
