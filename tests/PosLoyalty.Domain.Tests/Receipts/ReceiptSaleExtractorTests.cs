using System.Globalization;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

public sealed class ReceiptSaleExtractorTests
{
    private readonly ReceiptSaleExtractor _extractor = new(BuiltInReceiptProfiles.Default);

    [Theory]
    [InlineData("TOTAL            1,234.56", "1234.56")]
    [InlineData("SUMME            1.234,56", "1234.56")]
    [InlineData("ATT BETALA       1 234,56", "1234.56")]
    [InlineData("ATT BETALA       1\u00A0234,56 kr", "1234.56")]
    [InlineData("TOTAL À PAYER    1\u202F234,56 €", "1234.56")]
    [InlineData("TOTAL CHF        1'234.56", "1234.56")]
    [InlineData("TOTAL            €1,234.56", "1234.56")]
    [InlineData("TOTAL            EUR 12,50", "12.50")]
    [InlineData("TOTAL            12.50 USD", "12.50")]
    [InlineData("ÖSSZESEN         12 345 Ft", "12345")]
    [InlineData("CELKEM           250 Kč", "250")]
    [InlineData("RAZEM            1 250,00 zł", "1250.00")]
    [InlineData("TOTAL            1,234", "1234")]
    [InlineData("SUMME            9,5", "9.5")]
    [InlineData("TOTAL            £7.99", "7.99")]
    public void Amount_formats_are_read_whatever_the_separators_and_currency_position(string totalLine, string expected)
    {
        var sale = _extractor.Extract("Milk    1.00\n" + totalLine);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), sale.Total);
    }

    [Theory]
    [InlineData("TOTAL            €1,234.56", "EUR")]
    [InlineData("ATT BETALA       99,00 kr", "kr")]
    [InlineData("SUMA PLN         18,20", "PLN")]
    [InlineData("ÖSSZESEN         2 360 Ft", "HUF")]
    [InlineData("TOTAL            12.50", null)]
    public void Currency_is_the_sign_printed_on_the_total_line(string totalLine, string? expected)
    {
        Assert.Equal(expected, _extractor.Extract(totalLine).Currency);
    }

    [Theory]
    [InlineData("TOTAL             12.50-")]
    [InlineData("TOTAL            -12.50")]
    [InlineData("TOTAL           -€12.50")]
    [InlineData("SUMME          12,50 EUR-")]
    public void A_negative_total_is_a_refund_whichever_side_the_minus_is_printed(string totalLine)
    {
        var sale = _extractor.Extract("Returned mug     12.50-\n" + totalLine);

        Assert.Equal(-12.50m, sale.Total);
        Assert.True(sale.Refund);
    }

    [Theory]
    [InlineData("REFUND")]
    [InlineData("*** ERSTATTUNG ***")]
    [InlineData("REMBOURSEMENT")]
    [InlineData("DEVOLUCIÓN")]
    [InlineData("RESO")]
    [InlineData("RETOUR")]
    [InlineData("RETUR")]
    [InlineData("HYVITYS")]
    [InlineData("ZWROT")]
    [InlineData("VRATKA")]
    public void A_refund_heading_makes_the_sale_a_refund_with_a_negative_total(string heading)
    {
        var sale = _extractor.Extract($"SHOP\n{heading}\nReceipt 881\nMug        12.50\nTOTAL      12.50");

        Assert.True(sale.Refund);
        Assert.Equal(-12.50m, sale.Total);
    }

    [Theory]
    [InlineData("Returns accepted within 30 days with receipt")]
    [InlineData("Umtausch und Rückgabe nur mit Kassenbon")]
    [InlineData("Retur                     7,50")]
    public void Return_policy_footers_and_Danish_change_lines_are_not_refunds(string line)
    {
        var sale = _extractor.Extract($"Mug        12,50\nI ALT      12,50\nKontant    20,00\n{line}");

        Assert.False(sale.Refund);
        Assert.Equal(12.50m, sale.Total);
    }

    [Theory]
    [InlineData("** COPY **")]
    [InlineData("KOPIA")]
    [InlineData("KOPIE")]
    [InlineData("DUPLICATE")]
    [InlineData("REPRINT")]
    [InlineData("*** DUPLICATA ***")]
    [InlineData("MÁSOLAT")]
    [InlineData("-- KOPIO --")]
    public void Copies_and_reprints_are_recognised(string marker)
    {
        var sale = _extractor.Extract($"SHOP\n{marker}\nReceipt 10007\nTea   2.00\nTOTAL  2.00");

        Assert.True(sale.Copy);
        Assert.Equal(2.00m, sale.Total);
    }

    [Fact]
    public void Customer_copy_on_a_card_slip_does_not_make_the_receipt_a_copy()
    {
        var sale = _extractor.Extract("Tea   2.00\nTOTAL  2.00\nVISA ************1111\n** CUSTOMER COPY **\nMERCHANT COPY");

        Assert.False(sale.Copy);
    }

    [Fact]
    public void Kitchen_ticket_with_no_total_is_not_a_sale_but_lists_its_items()
    {
        var sale = _extractor.Extract("KITCHEN ORDER\nTable 4\n-----------\n2 x Burger\n1 x Fries\n1x Salad\n-----------\n12:31");

        Assert.False(sale.IsSale);
        Assert.True(sale.NoTotal);
        Assert.Null(sale.Total);
        Assert.Equal(["Burger", "Fries", "Salad"], sale.Items.Select(i => i.Description));
        Assert.Equal([2m, 1m, 1m], sale.Items.Select(i => i.Quantity));
    }

    [Fact]
    public void Amount_due_is_preferred_over_subtotal_tax_savings_cash_and_change()
    {
        var sale = _extractor.Extract("""
            Coffee                 50.00
            SUBTOTAL               50.00
            TOTAL SAVINGS           5.00
            TAX                     4.00
            TOTAL                  49.00
            COUPON                 -2.00
            AMOUNT DUE             47.00
            CASH                  100.00
            CHANGE                 53.00
            """);

        Assert.Equal(47.00m, sale.Total);
    }

    [Fact]
    public void Tax_and_net_lines_are_never_the_total_even_when_they_say_total()
    {
        var sale = _extractor.Extract("Coffee   10,00\nTOTAL HT   8,33\nTOTAL TVA   1,67\nTotal TTC   10,00");

        Assert.Equal(10.00m, sale.Total);
    }

    [Fact]
    public void A_total_including_tax_stays_the_total()
    {
        var sale = _extractor.Extract("Kaffee   4,80\nSumme inkl. MwSt   4,80\nMwSt 19%   0,77");

        Assert.Equal(4.80m, sale.Total);
    }

    [Fact]
    public void A_total_wrapped_onto_the_next_line_is_joined()
    {
        var sale = _extractor.Extract("Oat Latte    1,234.56\nSUBTOTAL     1,234.56\nTOTAL     1,234.\n        56\nCASH   1,250.00");

        Assert.Equal(1234.56m, sale.Total);
    }

    [Fact]
    public void A_total_label_with_its_amount_on_the_next_line_is_read()
    {
        var sale = _extractor.Extract("Tea   3,00\nZU ZAHLEN\n   3,00 EUR\nBAR   5,00");

        Assert.Equal(3.00m, sale.Total);
    }

    [Fact]
    public void An_unreadable_total_falls_back_to_the_subtotal()
    {
        var sale = _extractor.Extract("Tea   3.00\nCake   4.50\nSUBTOTAL   7.50\nTOTAL   ******");

        Assert.Equal(7.50m, sale.Total);
    }

    [Fact]
    public void An_unreadable_total_with_no_subtotal_falls_back_to_the_items()
    {
        var sale = _extractor.Extract("Tea   3.00\nCake   4.50\nTOTAL   ******");

        Assert.Equal(7.50m, sale.Total);
    }

    [Fact]
    public void Card_numbers_are_masked_before_the_text_is_read_and_never_come_back()
    {
        var sale = _extractor.Extract("Tea   3.00\nTOTAL   3.00\nVISA 4111 1111 1111 1111\nCard 5555555555554444");

        Assert.DoesNotContain("4111 1111 1111", sale.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("555555555555", sale.Text, StringComparison.Ordinal);
        Assert.Contains("**** **** **** 1111", sale.Text, StringComparison.Ordinal);
        Assert.Equal("card", sale.PaymentType);
        Assert.Single(sale.Items);
    }

    [Fact]
    public void Header_numbers_are_not_items()
    {
        var sale = _extractor.Extract("""
            Bäckerei Müller
            Hauptstraße 12
            Tel  089 123456
            USt-IdNr  DE123456789
            Bon 4711
            14.03.2026 08:15
            Brezel    0,95
            Antal varor 1
            SUMME     0,95
            """);

        Assert.Equal(["Brezel"], sale.Items.Select(i => i.Description));
    }

    [Fact]
    public void Quantity_line_under_a_description_makes_one_item()
    {
        var sale = _extractor.Extract("Apfelsaft 1L\n  3 x 1,29          3,87 A\nSUMME   3,87");

        var item = Assert.Single(sale.Items);
        Assert.Equal(new ReceiptItem("Apfelsaft 1L", 3m, 3.87m), item);
    }

    [Fact]
    public void US_dates_are_read_month_first_when_the_profile_says_so()
    {
        var extractor = new ReceiptSaleExtractor(BuiltInReceiptProfiles.Default with { DateOrder = DateOrder.MonthDayYear });

        Assert.Equal(new DateOnly(2026, 3, 4), extractor.Extract("03/04/2026 10:00\nTOTAL 1.00").Date);
        Assert.Equal(new DateOnly(2026, 4, 3), _extractor.Extract("03/04/2026 10:00\nTOTAL 1.00").Date);
    }

    [Fact]
    public void A_fixed_decimal_separator_reads_three_decimals_that_auto_would_take_for_thousands()
    {
        var point = new ReceiptSaleExtractor(BuiltInReceiptProfiles.Default with { DecimalSeparator = DecimalSeparatorRule.Point });
        var comma = new ReceiptSaleExtractor(BuiltInReceiptProfiles.Default with { DecimalSeparator = DecimalSeparatorRule.Comma });

        Assert.Equal(1.234m, point.Extract("TOTAL   1.234").Total);
        Assert.Equal(1.234m, comma.Extract("SUMME   1,234").Total);
        Assert.Equal(1234m, _extractor.Extract("TOTAL   1.234").Total);
    }

    [Fact]
    public void Text_with_no_total_label_is_not_a_sale()
    {
        var sale = _extractor.Extract("X-REPORT\nDrawer opened\n12.50");

        Assert.False(sale.IsSale);
        Assert.False(sale.Refund);
    }

    [Fact]
    public void Any_text_at_all_is_read_without_throwing()
    {
        var junk = string.Concat(Enumerable.Range(0, 2000).Select(i => (char)(i * 7919 % 0x3000)));

        var sale = _extractor.Extract(junk);

        Assert.NotNull(sale.Text);
    }

    [Fact]
    public void A_custom_item_pattern_replaces_the_built_in_item_reading()
    {
        var profile = BuiltInReceiptProfiles.Default with { ItemLinePattern = @"^ART (?<quantity>\d+) (?<description>.+?) = (?<amount>[\d,]+)$" };
        var sale = new ReceiptSaleExtractor(profile).Extract("ART 2 Tee = 3,00\nTee 3,00\nSUMME 3,00");

        Assert.Equal([new ReceiptItem("Tee", 2m, 3.00m)], sale.Items);
    }
}
