using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>
/// A card terminal's slip, printed on the receipt printer after the receipt, repeats the sale's total under its own
/// trace number: read as a sale, one payment would earn twice.
/// </summary>
public sealed class PaymentSlipTests
{
    [Theory]
    [InlineData("""
        *** KUNDENBELEG ***
        Bäckerei Morgenrot
        Terminal-ID 60412233
        Beleg-Nr. 0815
        girocard   kontaktlos
        ************1234
        [2]BETRAG EUR        12,50
        Zahlung erfolgt
        Autorisierungsnr. 448812
        """)]
    [InlineData("""
        MERCHANT COPY
        HARBOUR COFFEE LTD
        VISA CONTACTLESS
        **** **** **** 4242
        SALE
        [B]TOTAL            GBP 8.40
        AUTH CODE: 0A12BC
        APPROVED
        """)]
    [InlineData("""
        TICKET CLIENT
        CARTE BANCAIRE SANS CONTACT
        A0000000421010
        ############5678
        MONTANT 23,10 EUR
        TRANSACTION ACCEPTEE
        """)]
    public void A_card_terminal_slip_with_a_masked_card_and_no_items_is_never_a_second_sale(string slip)
    {
        var sale = PrintedReceipt.Read(slip.Replace("############", "************", StringComparison.Ordinal));

        Assert.False(sale.IsSale, PrintedReceipt.Describe(sale));
        Assert.Equal(ReceiptKind.Other, sale.Kind);
        Assert.Contains(sale.Evidence, reason => reason.StartsWith("card payment slip", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sale_that_prints_its_card_approval_below_the_items_is_still_a_sale()
    {
        var sale = PrintedReceipt.Read("""
            Harbour Coffee
            Receipt #: 20417
            Flat white          3.60
            Almond croissant    3.20
            [B]TOTAL            6.80
            VISA **** 4242      6.80
            AUTH CODE 0A12BC  APPROVED
            """);

        PrintedReceipt.CreditedSale(sale, 6.80m, "20417");
    }
}
