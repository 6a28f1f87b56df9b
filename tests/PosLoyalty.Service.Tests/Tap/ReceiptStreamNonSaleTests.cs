using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Tests.Receipts;
using static PosLoyalty.Service.Tests.Tap.StreamCodePages;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// The documents a POS prints on the receipt printer that are not sales — X/Z reports, kitchen and bar tickets, order
/// slips and pre-bills, tip slips, test pages and vouchers — in many languages, each printed by every library: none
/// may ever be credited, whatever total it prints, and each says what it is.
/// </summary>
public sealed class ReceiptStreamNonSaleTests
{
    internal sealed record Document(ReceiptScript.Pages Pages, ReceiptKind Kind, string Script);

    internal static readonly Dictionary<string, Document> Documents = new()
    {
        ["x-bon-de"] = new(Pc858, ReceiptKind.Report, """
            [C][B][2]X-Bon
            [C]Kassenbericht Kasse 1
            14.03.2026 18:02|Bediener 07
            ---
            Umsatz brutto|1.234,50
            davon MwSt 19%|98,21
            davon MwSt 7%|42,10
            ---
            Bar|800,00
            EC-Karte|434,50
            Anzahl Belege|87
            Stornos|2
            ---
            [B]Summe|1.234,50
            """),
        ["kassenbericht-de"] = new(Wpc1252, ReceiptKind.Report, """
            [C][B]Kassenbericht
            Z-Nr. 0156|14.03.2026 22:10
            ---
            Warengruppe Backwaren|845,20
            Warengruppe Getränke|389,30
            ---
            [B][2]Gesamt|1.234,50
            Bar|800,00
            Karte|434,50
            """),
        ["informe-z-es"] = new(Pc850, ReceiptKind.Report, """
            [C][B][2]INFORME Z
            Nº 0341|14/03/2026 23:05
            ---
            Ventas brutas|2.345,60
            IVA 10%|213,24
            Nº tickets|123
            Efectivo|1.200,00
            Tarjeta|1.145,60
            ---
            [B]TOTAL|2.345,60
            """),
        ["z-raporu-tr"] = new(Pc857, ReceiptKind.Report, """
            [C][B][2]Z RAPORU
            Z NO: 0412|14.03.2026 23:59
            ---
            KDV %10|*1.122,27
            KDV %1|*12,10
            FİŞ SAYISI|145
            NAKİT|*5.000,00
            KREDİ KARTI|*7.345,00
            ---
            [B]TOPLAM|*12.345,00
            """),
        ["smena-ru"] = new(Pc866, ReceiptKind.Report, """
            [C][B]ОТЧЁТ О ЗАКРЫТИИ СМЕНЫ
            Смена № 25|14.03.26 22:00
            Кассир: Иванова А.
            ---
            Чеков за смену|143
            НАЛИЧНЫМИ|=20 000.00
            БЕЗНАЛИЧНЫМИ|=25 300.00
            ---
            [B][2]ИТОГО ПРИХОД|=45 300.00
            """),
        ["z-anafora-el"] = new(Wpc1253, ReceiptKind.Report, """
            [C][B][2]Ζ ΑΝΑΦΟΡΑ
            ΑΡ. Ζ: 0123|14/03/2026
            ---
            ΜΕΤΡΗΤΑ|500,00
            ΚΑΡΤΑ|734,50
            ΦΠΑ 13%|142,02
            ---
            [B]ΣΥΝΟΛΟ ΗΜΕΡΑΣ|1.234,50
            """),
        ["cloture-fr"] = new(Wpc1252, ReceiptKind.Report, """
            [C][B]CLÔTURE JOURNALIÈRE
            Ticket Z n° 0156|14/03/2026 21:30
            ---
            Espèces|500,00
            CB|734,50
            Nombre de tickets|87
            ---
            [B][2]TOTAL TTC|1 234,50 €
            """),
        ["chiusura-it"] = new(Pc858, ReceiptKind.Report, """
            [C][B]CHIUSURA GIORNALIERA
            Azzeramento n. 0412|14-03-2026 22:15
            ---
            Contanti|500,00
            Elettronico|734,50
            Scontrini emessi|87
            ---
            [B][2]TOTALE|1.234,50
            """),
        ["raport-dobowy-pl"] = new(Wpc1250, ReceiptKind.Report, """
            [C][B]RAPORT DOBOWY FISKALNY
            Nr raportu 0412|2026-03-14
            ---
            Sprzedaż opodatkowana A|1.122,27
            PTU A 8%|83,13
            Liczba paragonów|145
            ---
            [B][2]Łączna należność|1.234,50
            """),
        ["reducao-z-pt"] = new(Pc860, ReceiptKind.Report, """
            [C][B]REDUÇÃO Z
            CRZ: 0412|14/03/2026 22:40
            ---
            Venda bruta diária|1.234,50
            Dinheiro|500,00
            Cartão|734,50
            ---
            [B][2]TOTAL GERAL|1.234,50
            """),
        ["dagafsluiting-nl"] = new(Wpc1252, ReceiptKind.Report, """
            [C][B]DAGAFSLUITING
            14-03-2026 21:00|Kassa 1
            ---
            Contant|500,00
            PIN|734,50
            Aantal bonnen|87
            ---
            [B][2]Totaal|€ 1.234,50
            """),
        ["z-rapport-sv"] = new(Pc865, ReceiptKind.Report, """
            [C][B][2]Z-RAPPORT
            Nr 0156|2026-03-14 21:00
            ---
            Kontant|5 000,00
            Kort|7 345,00
            Antal kvitton|145
            ---
            [B]Totalt|12 345,00 kr
            """),
        ["sales-summary-en"] = new(Pc437, ReceiptKind.Report, """
            [C][B]Sales Summary
            Mar 14, 2026 6:00 AM - 10:00 PM
            ---
            Gross sales|$1,234.50
            Refunds|-$12.00
            Net sales|$1,222.50
            Cash|$500.00
            Card|$722.50
            ---
            [B]Total collected|$1,222.50
            """),
        ["kitchen-en"] = new(Pc437, ReceiptKind.Kitchen, """
            [C][B][2]KITCHEN
            Table 12|Covers 4
            Order #1043|12:31
            ---
            [2]2 x Burger
            + no onions
            [2]1 x Fish & Chips
            ---
            Server: Tom
            """),
        ["kuche-de"] = new(Pc858, ReceiptKind.Kitchen, """
            [C][B][2]KÜCHE
            Tisch 7|19:42
            ---
            2x Schnitzel Wiener Art|25,80
            1x Salat gemischt|6,50
            ---
            Summe|32,30
            Kellner: Max
            """),
        ["comanda-bar-es"] = new(Pc850, ReceiptKind.Kitchen, """
            [C][B][2]COMANDA BAR
            Mesa 5|21:10
            ---
            2 Caña|3,00
            1 Tinto de verano|3,50
            ---
            Total|6,50
            Camarero: Iñaki
            """),
        ["bon-cuisine-fr"] = new(Wpc1252, ReceiptKind.Kitchen, """
            [C][B][2]BON CUISINE
            Table 4|Couverts 2
            ---
            [2]1 Entrecôte frites
            [2]1 Crème brûlée
            """),
        ["online-order-en"] = new(Pc437, ReceiptKind.Order, """
            [C][B][2]ONLINE ORDER
            Order #A-7781|Pickup 12:30
            Customer: J. Smith
            ---
            1 x Margherita|11.00
            1 x Garlic bread|4.50
            2 x Cola|5.00
            ---
            [B]Total|20.50
            [C][B]UNPAID - PAY AT COUNTER
            """),
        ["preconto-it"] = new(Pc858, ReceiptKind.Order, """
            [C][B]PRECONTO
            Tavolo 8|Coperti 3
            ---
            Coperto x 3|6,00
            Spaghetti carbonara|12,00
            Tagliata di manzo|22,00
            Acqua naturale|5,60
            ---
            [B][2]TOTALE|45,60
            [C]DOCUMENTO NON FISCALE
            """),
        ["conferencia-pt"] = new(Pc860, ReceiptKind.Order, """
            [C][B]CONFERÊNCIA DE MESA
            Mesa 12|Garçom: João
            ---
            Picanha na chapa|69,90
            Caipirinha|18,00
            ---
            [B][2]TOTAL R$|87,90
            [C]NÃO É DOCUMENTO FISCAL
            """),
        ["bilgi-fisi-tr"] = new(Pc857, ReceiptKind.Order, """
            [C][B]BİLGİ FİŞİ
            Masa 3|20:15
            ---
            İskender|*180,00
            Ayran|*30,00
            Künefe|*90,00
            ---
            [B][2]TOPLAM|*300,00
            [C]MALİ DEĞERİ YOKTUR
            """),
        ["predchek-ru"] = new(Pc866, ReceiptKind.Order, """
            [C][B]ПРЕДЧЕК
            Стол 4|Гостей 2
            ---
            Борщ|450.00
            Пельмени|520.00
            Морс|280.00
            ---
            [B][2]ИТОГО|1 250.00
            """),
        ["prologariasmos-el"] = new(Pc737, ReceiptKind.Order, """
            [C][B]ΠΡΟΛΟΓΑΡΙΑΣΜΟΣ
            ΤΡΑΠΕΖΙ 6|20:40
            ---
            Μουσακάς|14,50
            Χωριάτικη|9,00
            Κρασί|11,00
            ---
            [B][2]ΣΥΝΟΛΟ|34,50
            [C]ΔΕΝ ΑΠΟΤΕΛΕΙ ΑΠΟΔΕΙΞΗ
            """),
        ["zwischenrechnung-de"] = new(Pc858, ReceiptKind.Order, """
            [C][B]Zwischenrechnung
            Tisch 9|20:05
            ---
            2 x Weißbier 0,5l|9,80
            1 x Schweinsbraten|16,90
            ---
            [B][2]Summe EUR|26,70
            """),
        ["precuenta-es"] = new(Pc850, ReceiptKind.Order, """
            [C][B]PRECUENTA
            Mesa 2|Comensales 2
            ---
            Paella mixta|28,00
            Sangría jarra|14,00
            ---
            [B][2]TOTAL|42,00 EUR
            [C]No válido como factura
            """),
        ["gratuity-en"] = new(Pc437, ReceiptKind.Tip, """
            [C][B][2]GRATUITY
            Server: Anna|Table 12
            14/03/2026 22:41
            ---
            Tip amount|8.50
            [B]Total|8.50
            """),
        ["trinkgeld-de"] = new(Pc858, ReceiptKind.Tip, """
            [C][B][2]Trinkgeld
            Kellner: Max|14.03.2026
            ---
            [B]Betrag|5,00 €
            """),
        ["pourboire-fr"] = new(Wpc1252, ReceiptKind.Tip, """
            [C][B][2]POURBOIRE
            Serveur : Luc|14/03/2026
            ---
            [B]Montant|4,00 €
            """),
        ["printer-test-en"] = new(Pc437, ReceiptKind.Test, """
            [C][B][2]PRINTER TEST
            [B]Bold text
            [W]Double width
            Left|Center|Right
            Coffee|2|7.00
            Cake|1|3.50
            ---
            [B]Total|10.50
            [QR]https://github.com/Klemen1337/node-thermal-printer
            """),
        ["sample-receipt-en"] = new(Pc437, ReceiptKind.Test, """
            [C][B][2]SAMPLE RECEIPT
            [C]Your Store Name
            ---
            Item 1|10.00
            Item 2|5.00
            ---
            [B][2]TOTAL|15.00
            Cash|20.00
            Change|5.00
            """),
        ["quick-brown-fox-en"] = new(Pc437, ReceiptKind.Test, """
            [C]The quick brown fox jumps over the lazy dog
            [B]The quick brown fox
            Product|12.50
            ---
            [B]Total|12.50
            """),
        ["testdruck-de"] = new(Pc858, ReceiptKind.Test, """
            [C][B][2]Testdruck
            Zeichensatz: äöüß ÄÖÜ €
            Artikel|1,23
            [B]Summe|1,23
            """),
        ["prueba-es"] = new(Pc850, ReceiptKind.Test, """
            [C][B]PÁGINA DE PRUEBA
            Acentos: áéíóú ñ Ñ ¿¡
            Artículo|9,99
            [B]TOTAL|9,99
            """),
        ["gift-card-en"] = new(Pc437, ReceiptKind.Voucher, """
            [C][B][2]GIFT CARD
            Card no. ****1234
            ---
            [B]Balance|$50.00
            Valid until 12/2027
            """),
        ["gutschein-de"] = new(Pc858, ReceiptKind.Voucher, """
            [C][B][2]GUTSCHEIN
            Gutschein-Nr. 4711-0815
            ---
            [B][2]Wert|20,00 €
            Gültig bis 31.12.2026
            """),
        ["bon-achat-fr"] = new(Wpc1252, ReceiptKind.Voucher, """
            [C][B][2]BON D'ACHAT
            N° 000123
            [B]Montant|15,00 €
            Valable jusqu'au 31/12/2026
            """),
        ["vale-regalo-es"] = new(Pc850, ReceiptKind.Voucher, """
            [C][B][2]VALE REGALO
            Código: VR-2026-0042
            [B]Importe|25,00 EUR
            Válido hasta 31/12/2026
            """),
        ["hediye-ceki-tr"] = new(Pc857, ReceiptKind.Voucher, """
            [C][B][2]HEDİYE ÇEKİ
            Çek No: 004512
            [B]TUTAR|*100,00
            Son kullanma: 31.12.2026
            """),
        ["sertifikat-ru"] = new(Pc866, ReceiptKind.Voucher, """
            [C][B]ПОДАРОЧНЫЙ СЕРТИФИКАТ
            № 004512
            [B][2]Номинал|=3 000.00
            Действителен до 31.12.2026
            """),
        ["doroepitagi-el"] = new(Pc737, ReceiptKind.Voucher, """
            [C][B][2]ΔΩΡΟΕΠΙΤΑΓΗ
            Αρ. 004512
            [B]Αξία|50,00
            Ισχύει έως 31/12/2026
            """),
    };

    public static TheoryData<string, PrintLibrary> Readable()
    {
        var data = new TheoryData<string, PrintLibrary>();
        foreach (var name in Documents.Keys)
        {
            foreach (var library in Enum.GetValues<PrintLibrary>())
            {
                if (!Gaps.Contains((name, library)))
                {
                    data.Add(name, library);
                }
            }
        }

        return data;
    }

    private static readonly HashSet<(string, PrintLibrary)> Gaps =
    [
        .. Enum.GetValues<PrintLibrary>().Select(library => ("gift-card-en", library)),
        .. Enum.GetValues<PrintLibrary>().Select(library => ("comanda-bar-es", library)),
    ];

    [Theory]
    [MemberData(nameof(Readable))]
    public void A_document_that_is_not_a_sale_is_never_credited_whatever_library_prints_it(string name, PrintLibrary library)
    {
        var document = Documents[name];
        var read = ReceiptStreamReading.Single(library, ReceiptScript.Print(library, document.Pages, document.Script));

        Assert.False(PrintedReceipt.Credited(read), "a non-sale was credited: " + ReceiptStreamReading.Describe(read));
        Assert.True(read.Kind == document.Kind, $"kind: expected {document.Kind}, read {ReceiptStreamReading.Describe(read)}");
    }

    [Theory]
    [InlineData("gift-card-en", PrintLibrary.NodeThermalEpson)]
    [InlineData("gift-card-en", PrintLibrary.EscPosEncoder)]
    [InlineData("gift-card-en", PrintLibrary.ReceiptLine)]
    [InlineData("gift-card-en", PrintLibrary.PythonEscpos)]
    [InlineData("gift-card-en", PrintLibrary.NodeThermalStar)]
    [InlineData("gift-card-en", PrintLibrary.StarPrnt)]
    [InlineData("comanda-bar-es", PrintLibrary.NodeThermalEpson)]
    [InlineData("comanda-bar-es", PrintLibrary.EscPosEncoder)]
    [InlineData("comanda-bar-es", PrintLibrary.ReceiptLine)]
    [InlineData("comanda-bar-es", PrintLibrary.PythonEscpos)]
    [InlineData("comanda-bar-es", PrintLibrary.NodeThermalStar)]
    [InlineData("comanda-bar-es", PrintLibrary.StarPrnt)]
    public void A_document_the_reader_mistakes_is_never_credited_and_says_what_it_is(string name, PrintLibrary library)
    {
        A_document_that_is_not_a_sale_is_never_credited_whatever_library_prints_it(name, library);
    }
}
