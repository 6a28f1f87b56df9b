using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>Hand-written receipts in each language the default profile promises, read with no configuration.</summary>
public sealed class ReceiptSaleExtractorLanguageTests
{
    private readonly ReceiptSaleExtractor _extractor = new(BuiltInReceiptProfiles.Default);

    public static TheoryData<string, string, string, string?, string?, int> Receipts() => new()
    {
        {
            "English", """
            THE CORNER SHOP
            Receipt No: A-2041
            03/14/2026 17:42
            ----------------------------
            Milk 2L                 2.49
            2 x Bread @ 1.50        3.00
            ----------------------------
            SUBTOTAL                5.49
            SALES TAX 7%            0.38
            AMOUNT DUE             $5.87
            CASH                   10.00
            CHANGE                  4.13
            """, "5.87", "$", "A-2041", 2
        },
        {
            "German", """
            Bäckerei Müller
            Hauptstraße 12, 80331 München
            Tel. 089 123456
            Bon-Nr. 4711   Kasse 2
            14.03.2026 08:15
            --------------------------------
            Brezel                    0,95 A
            Roggenbrot              3,49 A
            2 x Kaffee à 2,40        4,80 B
            --------------------------------
            Zwischensumme             9,24
            SUMME EUR                 9,24
            Gegeben BAR              20,00
            Rückgeld                 10,76
            MwSt 7%  netto 8,63  MwSt 0,61
            """, "9.24", "EUR", "4711", 3
        },
        {
            "French", """
            BOULANGERIE DU PORT
            Ticket n° 000812
            14/03/2026 09:02
            ================================
            Baguette tradition          1,30
            Croissant x3                3,60
            Pain au chocolat            1,40
            ================================
            Sous-total                  6,30
            TVA 5,5%                    0,33
            TOTAL HT                    5,97
            TOTAL À PAYER             6,30 €
            Espèces                    10,00
            Rendu monnaie               3,70
            """, "6.30", "EUR", "000812", 3
        },
        {
            "Spanish", """
            CAFETERÍA LA PLAZA
            Factura simplificada: T-1203
            14/03/2026 10:30
            --------------------------------
            Café con leche              1,80
            Tostada                     2,50
            --------------------------------
            Base imponible              3,91
            IVA 10%                     0,39
            IMPORTE                   4,30 €
            Efectivo                    5,00
            Cambio                      0,70
            """, "4.30", "EUR", "T-1203", 2
        },
        {
            "Italian", """
            BAR CENTRALE
            DOCUMENTO COMMERCIALE
            Scontrino N. 0042
            14-03-2026 11:05
            Cappuccino                  1,50
            Cornetto                    1,20
            TOTALE COMPLESSIVO          2,70
            di cui IVA                  0,25
            Pagamento contante          5,00
            Resto                       2,30
            """, "2.70", null, "0042", 2
        },
        {
            "Dutch", """
            BAKKERIJ DE ZON
            Bonnummer: 88213
            14-03-2026 12:00
            --------------------------------
            Krentenbol                  0,85
            Appeltaart                  3,25
            --------------------------------
            Subtotaal                   4,10
            BTW 9%                      0,34
            TOTAAL                 EUR 4,10
            PIN                         4,10
            """, "4.10", "EUR", "88213", 2
        },
        {
            "Swedish", """
            KAFÉ SOLROS
            Kvittonummer 5601
            2026-03-14 13:05
            --------------------------------
            Kaffe                      32,00
            Kanelbulle                 28,00
            --------------------------------
            Totalt                     60,00
            Moms 12%                    6,43
            ATT BETALA              60,00 kr
            Kort                       60,00
            """, "60.00", "kr", "5601", 2
        },
        {
            "Danish", """
            BAGEREN
            Bon nr. 3321
            14.03.2026 14:10
            --------------------------------
            Rugbrød                    28,00
            Wienerbrød                 18,50
            --------------------------------
            I ALT                  DKK 46,50
            Heraf moms                  9,30
            Dankort                    46,50
            """, "46.50", "DKK", "3321", 2
        },
        {
            "Norwegian", """
            KAFFEBAREN
            Kvittering 10455
            14.03.2026 15:00
            --------------------------------
            Skolebolle                 39,00
            Kaffe                      45,00
            --------------------------------
            TOTALT                  84,00 kr
            herav mva 15%              10,96
            Kontant                   100,00
            Tilbake                    16,00
            """, "84.00", "kr", "10455", 2
        },
        {
            "Finnish", """
            KAHVILA AURINKO
            Kuitti nro 2290
            14.3.2026 klo 15:30
            --------------------------------
            Korvapuusti                 3,20
            Kahvi                       2,90
            --------------------------------
            YHTEENSÄ                  6,10 €
            ALV 14%                     0,75
            Käteinen                   10,00
            Vaihtoraha                  3,90
            """, "6.10", "EUR", "2290", 2
        },
        {
            "Estonian", """
            KOHVIK PÄIKE
            Tšekk nr 7781
            14.03.2026 16:00
            --------------------------------
            Kohv                        2,50
            Kringel                     3,40
            --------------------------------
            Vahesumma                   5,90
            KM 22%                      1,06
            KOKKU                     5,90 €
            Sularaha                   10,00
            Tagasi                      4,10
            """, "5.90", "EUR", "7781", 2
        },
        {
            "Hungarian", """
            NAPFÉNY KÁVÉZÓ
            Nyugtaszám: 0012/00345
            2026.03.14. 16:30
            --------------------------------
            Kávé                      650 Ft
            Pogácsa                   420 Ft
            Rétes                   1 290 Ft
            --------------------------------
            ÖSSZESEN:               2 360 Ft
            ÁFA 27%                   502 Ft
            Készpénz                5 000 Ft
            Visszajáró              2 640 Ft
            """, "2360", "HUF", "0012/00345", 3
        },
        {
            "Polish", """
            PIEKARNIA SŁONECZNA
            NIP 123-456-32-18
            2026-03-14            nr wydr. 123
            PARAGON FISKALNY
            Chleb żytni        1 x 6,50  6,50A
            Bułka              3 x 0,90  2,70A
            Kawa               1 x 9,00  9,00B
            SPRZEDAŻ OPODATKOWANA A      9,20
            PTU A 5%                     0,44
            SUMA PTU                     0,44
            SUMA PLN                    18,20
            Gotówka                     50,00
            Reszta                      31,80
            Nr paragonu: 4412
            """, "18.20", "PLN", "4412", 3
        },
        {
            "Czech", """
            PEKÁRNA U MOSTU
            IČO: 12345678  DIČ: CZ12345678
            Účtenka č. 2026/0315
            14.03.2026 17:45
            --------------------------------
            Chléb                    49,90 Kč
            Koláč                    25,00 Kč
            --------------------------------
            Celkem bez DPH           65,08 Kč
            DPH 12%                   9,82 Kč
            CELKEM K ÚHRADĚ          74,90 Kč
            Hotově                  100,00 Kč
            Vráceno                  25,10 Kč
            """, "74.90", "CZK", "2026/0315", 2
        },
    };

    [Theory]
    [MemberData(nameof(Receipts))]
    public void Default_profile_reads_the_amount_due_and_number_in_each_language(string language, string text, string total, string? currency, string? number, int items)
    {
        var sale = _extractor.Extract(text);

        Assert.True(sale.IsSale, language);
        Assert.Equal(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), sale.Total);
        Assert.Equal(currency, sale.Currency);
        Assert.Equal(number, sale.ReceiptNumber);
        Assert.Equal(items, sale.Items.Count);
        Assert.False(sale.Refund, language);
        Assert.False(sale.Copy, language);
    }

    [Fact]
    public void German_items_keep_their_quantity_and_drop_the_VAT_class_letter()
    {
        var sale = _extractor.Extract(Receipts().Single(r => (string)r[0] == "German")[1].ToString()!);

        Assert.Equal(new ReceiptItem("Brezel", 1m, 0.95m), sale.Items[0]);
        Assert.Equal(2m, sale.Items[2].Quantity);
        Assert.Equal(4.80m, sale.Items[2].Amount);
    }

    [Fact]
    public void Date_and_time_are_read_day_first_by_default()
    {
        var sale = _extractor.Extract(Receipts().Single(r => (string)r[0] == "German")[1].ToString()!);

        Assert.Equal(new DateOnly(2026, 3, 14), sale.Date);
        Assert.Equal(new TimeOnly(8, 15), sale.Time);
    }

    [Fact]
    public void Payment_type_comes_from_the_tender_line()
    {
        Assert.Equal("card", _extractor.Extract(Receipts().Single(r => (string)r[0] == "Danish")[1].ToString()!).PaymentType);
        Assert.Equal("cash", _extractor.Extract(Receipts().Single(r => (string)r[0] == "Czech")[1].ToString()!).PaymentType);
    }
}
