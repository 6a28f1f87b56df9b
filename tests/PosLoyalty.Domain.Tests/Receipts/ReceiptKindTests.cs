using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>
/// The documents a POS prints on the receipt printer that are not sales — kitchen and bar tickets, order slips and
/// pre-bills, tip slips, test pages, vouchers, reports — and refunds, in the layouts real POS software and printer
/// libraries print them. None of the non-sales may ever be credited, whatever amount it prints.
/// </summary>
public sealed class ReceiptKindTests
{
    private static readonly Dictionary<string, string> NonSales = new(StringComparer.Ordinal)
    {
        ["kitchen-en"] = """
            [B2]** KITCHEN ORDER **
            [B2]#57
            Table 12        Guests 4
            Server: Tom     19:42
            --------------------------------
            [B]2  Cheeseburger
                - no onion
                + extra pickles
            [B]1  Caesar Salad
            [B]3  Fries
            --------------------------------
            """,
        ["kitchen-de"] = """
            [B2]KÜCHE
            Tisch 7   Kellner: Jana
            14.03.2026 12:10
            2 x Wiener Schnitzel
            1 x Bratkartoffeln
              >> ohne Speck
            1 x Kinderteller
            """,
        ["kitchen-fr"] = """
            [B2]BON CUISINE
            Table 4   Couverts 2
            1 x Entrecôte frites
                cuisson: saignant
            1 x Salade niçoise
            """,
        ["kitchen-es"] = """
            [B2]COMANDA
            Mesa 3   Camarero: Luis
            2 Tortilla española
            1 Calamares
            1 Pimientos de padrón
            """,
        ["kitchen-tr"] = """
            [B2]MUTFAK
            MASA: 9   GARSON: Ali
            2 ADANA KEBAP
            1 MERCİMEK ÇORBASI
            3 AYRAN
            """,
        ["kitchen-with-bold-table-number"] = """
            [B2]KITCHEN CHECK
            [B2]          12
            Terminal: 2   Clerk: Sam
            Check: 0231   Seq: 118
              2 Pad Thai
              1 Spring Rolls
            """,
        ["bar-ticket-with-prices"] = """
            [B2]BAR ORDER
            Table 6   Server: Mia
            2 x Pale Ale        6.50   13.00
            1 x House Red               7.50
            TOTAL                      20.50
            """,
        ["prebill-en"] = """
            THE OLD MILL TAVERN
            [B2]GUEST CHECK
            Table 8   Guests 3   Server: Ray
            Check #2231
            1 Fish & Chips             16.50
            2 Burger                   29.00
            3 Lemonade                 10.50
            Subtotal                   56.00
            Tax                         4.48
            [B]TOTAL                   60.48
            Suggested tip 18%: 10.89
            """,
        ["prebill-de"] = """
            Gasthaus zur Linde
            [B2]ZWISCHENRECHNUNG
            Tisch 5
            2 Weißbier 0,5l            9,80
            1 Schweinsbraten          16,90
            [B]SUMME EUR              26,70
            Kein Kassenbeleg
            """,
        ["prebill-es"] = """
            RESTAURANTE EL PUERTO
            [B2]PRE-CUENTA
            Mesa 11
            1 Paella mixta            18,50
            2 Cerveza                  5,00
            [B]TOTAL                  23,50 €
            """,
        ["prebill-it"] = """
            TRATTORIA DA GINO
            [B2]PRECONTO
            Tavolo 3   Coperti 2
            2 Coperto                  4,00
            1 Carbonara               12,00
            1 Tiramisù                 6,00
            [B]TOTALE                 22,00
            """,
        ["prebill-pt"] = """
            BAR DO ZECA
            [B2]CONFERÊNCIA DE MESA
            Mesa 14
            2 Chopp 300ml            19,80
            1 Porção de fritas       32,00
            [B]TOTAL R$              51,80
            NÃO É DOCUMENTO FISCAL
            """,
        ["prebill-ru"] = """
            КАФЕ "ВОЛНА"
            [B2]ПРЕДЧЕК
            Стол 4   Официант: Ольга
            Борщ                     320.00
            Пельмени                 410.00
            [B]ИТОГО                 730.00
            """,
        ["prebill-el"] = """
            ΤΑΒΕΡΝΑ ΤΟ ΛΙΜΑΝΙ
            [B2]ΠΡΟΛΟΓΑΡΙΑΣΜΟΣ
            ΤΡΑΠΕΖΙ 6
            Χωριάτικη                 8,50
            Σουβλάκι x2              12,00
            [B]ΣΥΝΟΛΟ               20,50 €
            """,
        ["order-slip-online"] = """
            [B2]ORDER SLIP
            Order #A-1043   Pickup 18:30
            Customer: J. Smith
            1 Large Margherita        14.00
            1 Garlic Bread             4.50
            TOTAL                     18.50
            UNPAID - pay at counter
            """,
        ["tip-slip-en"] = """
            RIVERSIDE GRILL
            [B2]TIP SLIP
            Server: Anna     Shift: PM
            03/14/2026 23:10
            Card tips                 84.50
            Cash tips                 40.00
            [B]TOTAL                 124.50
            """,
        ["tip-slip-fr"] = """
            BRASSERIE DU PARC
            [B2]POURBOIRE
            Serveur: Paul
            Montant                  5,00 €
            CB                       5,00
            """,
        ["tip-slip-es"] = """
            RESTAURANTE EL PUERTO
            [B2]PROPINA
            Camarero: Luis
            Importe                  3,00 €
            Tarjeta                  3,00
            """,
        ["test-page-library"] = """
            ================================
                 POSPRINT - TEST TICKET
                Point of Sale System
            ================================
            Sample Product 1            11.00
            Sample Product 2             3.25
            ================================
            [B2]TOTAL:                  14.25
            Payment Method: CASH
            Amount Paid: 20.00
            Change: 5.75
            This is a test ticket
            """,
        ["test-page-de"] = """
            [B2]TESTDRUCK
            Drucker: TM-T20III
            Normal  Fett  Doppelt
            [B]Fettschrift
            [2]Doppelte Größe
            SUMME                    12,34
            """,
        ["test-page-es"] = """
            [B2]PÁGINA DE PRUEBA
            Impresora: Caja 1
            Áéíóú ñ ¿¡ €
            TOTAL                     1,00
            """,
        ["test-page-pt"] = """
            [B2]TESTE DE IMPRESSÃO
            Impressora térmica 80mm
            Acentuação: ÁÉÍÓÚ ãõ ç
            TOTAL R$                  1,00
            """,
        ["voucher-en"] = """
            HARBOR BAGELS
            [B2]GIFT VOUCHER
            [B2]$25.00
            Code: HB-7Q4K-2M9X
            Valid until 12/31/2026
            """,
        ["voucher-de"] = """
            Café Lindenhof
            [B2]GUTSCHEIN
            Wert                   20,00 EUR
            Nr. 4471-2231
            Gültig bis 31.12.2027
            """,
        ["voucher-fr"] = """
            AU FOURNIL DE LÉA
            [B2]BON D'ACHAT
            Montant                  15,00 €
            Valable jusqu'au 31/12/2026
            """,
        ["voucher-nl"] = """
            BAKKERIJ VAN DAM
            [B2]CADEAUBON
            Waarde                  € 10,00
            Code 8841-2290
            """,
        ["voucher-pl"] = """
            PIEKARNIA POD LIPĄ
            [B2]BON PODARUNKOWY
            Wartość                 50,00 zł
            Ważny do 2026-12-31
            """,
        ["report-shift-en"] = """
            HARBOR BAGELS
            [B2]SHIFT REPORT
            Cashier: Dana   Register 3
            Opening float            150.00
            Cash sales               412.30
            [B]TOTAL                 562.30
            Counted                  562.30
            """,
    };

    private static readonly Dictionary<string, (string Text, decimal Total)> Refunds = new(StringComparer.Ordinal)
    {
        ["en"] = ("""
            HARBOR BAGELS
            [B2]REFUND
            Receipt #100511
            Lox Spread                  3.25
            [B]TOTAL                   $3.25
            VISA ************4417       3.25
            """, -3.25m),
        ["de"] = ("""
            Café Lindenhof
            [B2]STORNO
            Bon-Nr: 8850
            Apfelstrudel              4,90
            [B]SUMME EUR              4,90
            Bar                       4,90
            """, -4.90m),
        ["fr"] = ("""
            AU FOURNIL DE LÉA
            [B2]AVOIR
            Ticket N° 004188
            Tarte aux pommes           3,80
            [B]TOTAL TTC              3,80 €
            """, -3.80m),
        ["es"] = ("""
            PANADERÍA SAN ROQUE
            [B2]DEVOLUCIÓN
            Factura rectificativa R-0042
            Churros (6 u.)             3,60
            [B]TOTAL                  3,60 €
            """, -3.60m),
        ["pl"] = ("""
            PIEKARNIA POD LIPĄ
            [B2]ZWROT TOWARU
            Nr paragonu: 4520
            Kawa czarna                8,00
            [B]SUMA PLN                8,00
            """, -8.00m),
        ["sv"] = ("""
            KONDITORI SOLSTRÅLEN AB
            [B2]RETURKVITTO
            Kvitto nr 7420
            Bryggkaffe                 35,00
            [B]Totalt               35,00 kr
            Kort                       35,00
            """, -35.00m),
        ["tr"] = ("""
            KAHVE DURAĞI GIDA LTD. ŞTİ.
            [B2]İADE FİŞİ
            FİŞ NO: 0051
            Simit            %1       *15,00
            [B]TOPLAM                 *15,00
            """, -15.00m),
        ["ru"] = ("""
            ООО "ПЕКАРНЯ У ДОМА"
            КАССОВЫЙ ЧЕК
            [B]ВОЗВРАТ ПРИХОДА
            Чек № 61
            Круассан                  =95.00
            [B2]ИТОГ                  =95.00
            БЕЗНАЛИЧНЫМИ              =95.00
            """, -95.00m),
        ["pt"] = ("""
            PADARIA PÃO DOURADO LTDA
            [B2]DEVOLUÇÃO DE VENDA
            Cupom nº 000131
            BOLO FUBA                  12,00
            [B]Valor total R$          12,00
            """, -12.00m),
        ["el"] = ("""
            ΦΟΥΡΝΟΣ Η ΑΓΙΑ ΕΛΕΝΗ
            [B2]ΠΙΣΤΩΤΙΚΟ ΣΤΟΙΧΕΙΟ ΛΙΑΝΙΚΗΣ
            ΑΡ. ΑΠΟΔΕΙΞΗΣ: 3318
            Τυρόπιτα                   2,80
            [B]ΣΥΝΟΛΟ                 2,80 €
            """, -2.80m),
        ["ms"] = ("""
            KEDAI ROTI SERI MURNI SDN BHD
            [B2]NOTA KREDIT / PULANGAN
            No. Resit: KL01-000880
            Nasi lemak                  6.50
            [B]JUMLAH                RM 6.50
            """, -6.50m),
        ["it"] = ("""
            PASTICCERIA DOLCE VITA
            DOCUMENTO COMMERCIALE
            emesso per RESO MERCE
            Brioche                     1,50
            [B]TOTALE COMPLESSIVO       1,50
            DOCUMENTO N. 0087-0051
            """, -1.50m),
        ["void-en"] = ("""
            HARBOR BAGELS
            [B2]*** VOID ***
            Receipt #100520
            Large Coffee                2.75
            [B]TOTAL                    2.75
            """, -2.75m),
    };

    private static readonly Dictionary<string, string> MoreNonSales = new(StringComparer.Ordinal)
    {
        ["report-z-number-en"] = """
            HARBOR BAGELS
            [B2]Z-REPORT #0213
            Gross Sales             2,418.60
            [B]TOTAL                2,418.60
            Cash                      812.40
            Card                    1,606.20
            """,
        ["report-ticket-z-fr"] = """
            AU FOURNIL DE LÉA
            [B2]TICKET Z N° 0087
            [B]TOTAL TTC           1 245,80 €
            Espèces                  402,10
            CB                       843,70
            """,
        ["report-nr-pl"] = """
            PIEKARNIA POD LIPĄ
            [B2]RAPORT DOBOWY NR 0312
            [B]SUMA PLN             2 140,50
            Gotówka                   820,00
            Karta                   1 320,50
            """,
        ["report-smena-ru"] = """
            ООО "ПЕКАРНЯ У ДОМА"
            [B2]ОТЧЁТ О ЗАКРЫТИИ СМЕНЫ № 124
            [B]ИТОГО                =47 680.00
            НАЛИЧНЫМИ               =12 100.00
            БЕЗНАЛИЧНЫМИ            =35 580.00
            """,
        ["report-kassenschnitt-de"] = """
            Imbiss am Eck
            [B2]X-KASSENSCHNITT
            Kasse 2   14.03.2026 15:00
            [B]Umsatz gesamt           612,40
            Bar                        402,40
            Karte                      210,00
            """,
        ["report-kasseopgorelse-da"] = """
            BAGERIET KRONEN ApS
            [B2]KASSEOPGØRELSE
            14.03.2026
            [B]I ALT                12.845,00
            Dankort                 11.920,00
            Kontant                    925,00
            """,
        ["report-dagsoppgjor-no"] = """
            KAFFEHUSET BRYGGA AS
            [B2]DAGSOPPGJØR
            14.03.2026
            [B]TOTALT                9 612,00
            Bankkort                 9 104,00
            Kontant                    508,00
            """,
        ["report-forgalmi-hu"] = """
            PÉKSÉG A SARKON KFT.
            [B2]NAPI FORGALMI JELENTÉS
            [B]ÖSSZESEN:             184 350 Ft
            Készpénz                  62 100 Ft
            Bankkártya               122 250 Ft
            """,
        ["report-end-of-shift-en"] = """
            QUICK MART
            [B2]END OF SHIFT
            Cashier: Dana
            [B]TOTAL SALES            1,284.60
            Cash                        402.10
            Card                        882.50
            """,
        ["report-sales-summary-en"] = """
            QUICK MART
            [B2]SALES SUMMARY
            03/14/2026
            [B]TOTAL                  1,284.60
            Cash                        402.10
            Card                        882.50
            """,
        ["report-cierre-turno-es"] = """
            PANADERÍA SAN ROQUE
            [B2]CIERRE DE TURNO
            [B]TOTAL                  987,40 €
            Efectivo                  512,00
            Tarjeta                   475,40
            """,
        ["cash-drop-en"] = """
            QUICK MART
            [B2]CASH DROP
            Register 3   Cashier: Dana
            Amount                    200.00
            """,
        ["paid-out-en"] = """
            QUICK MART
            [B2]PAID OUT
            Reason: milk delivery
            [B]TOTAL                   42.50
            """,
        ["entnahme-de"] = """
            Imbiss am Eck
            [B2]ENTNAHME
            Kasse 2
            Betrag                    50,00 EUR
            Grund: Bankeinzahlung
            """,
        ["sangria-pt"] = """
            PADARIA PÃO DOURADO LTDA
            [B2]SANGRIA
            Operador: Carla
            Valor                   R$ 200,00
            """,
        ["suprimento-pt"] = """
            PADARIA PÃO DOURADO LTDA
            [B2]SUPRIMENTO DE CAIXA
            Valor                   R$ 100,00
            """,
        ["adisyon-tr"] = """
            KEBAPÇI HALİL
            [B2]ADİSYON
            MASA: 9
            2 ADANA KEBAP            *360,00
            3 AYRAN                   *75,00
            [B]TOPLAM                *435,00
            BİLGİ FİŞİDİR - MALİ DEĞERİ YOKTUR
            """,
        ["niefiskalny-pl"] = """
            RESTAURACJA POD DĘBEM
            [B2]RACHUNEK
            Stolik 4
            Żurek                      18,00
            Pierogi ruskie             26,00
            [B]RAZEM                   44,00
            N I E F I S K A L N Y
            NIEFISKALNY
            """,
        ["not-tax-receipt-hu"] = """
            KISVENDÉGLŐ A HÍDHOZ
            Asztal: 6
            Gulyásleves              2 400 Ft
            Pörkölt                  3 900 Ft
            [B]ÖSSZESEN              6 300 Ft
            NEM ADÓÜGYI BIZONYLAT
            """,
        ["not-a-receipt-sv"] = """
            RESTAURANG HAMNEN
            Bord 7
            Fisksoppa                 145,00
            Lättöl                     45,00
            [B]Totalt              190,00 kr
            DETTA ÄR INTE ETT KVITTO
            """,
        ["foreløbig-da"] = """
            RESTAURANT HAVNEN
            [B2]FORELØBIG REGNING
            Bord 3
            Smørrebrød                 95,00
            Øl                         55,00
            [B]I ALT                  150,00
            """,
        ["valilasku-fi"] = """
            RAVINTOLA SATAMA
            [B2]VÄLILASKU
            Pöytä 5
            Lohikeitto                 16,50
            Olut                        8,50
            [B]YHTEENSÄ                25,00 €
            """,
        ["trinkgeldbeleg-de"] = """
            Gasthaus zur Linde
            [B2]Trinkgeldbeleg
            Kellner: Jana
            Betrag                      5,00 EUR
            """,
        ["orcamento-pt"] = """
            LOJA DO BAIRRO
            [B2]ORÇAMENTO Nº 0042
            Parafuso 100un             12,90
            Broca 8mm                  18,50
            [B]TOTAL R$                31,40
            Válido por 7 dias
            """,
        ["test-da"] = """
            [B2]TESTUDSKRIFT
            Printer: Kasse 1
            ÆØÅ æøå
            I ALT                     1,00
            """,
        ["test-fr"] = """
            [B2]PAGE DE TEST
            Imprimante: Caisse 1
            àâçéèêëîïôûù
            TOTAL                     1,00 €
            """,
        ["test-ru"] = """
            [B2]ТЕСТОВАЯ ПЕЧАТЬ
            Принтер: Касса 1
            ИТОГ                     =1.00
            """,
        ["test-tr"] = """
            [B2]TEST SAYFASI
            Yazıcı: Kasa 1
            ĞÜŞİÖÇ ğüşıöç
            TOPLAM                   *1,00
            """,
        ["test-el"] = """
            [B2]ΔΟΚΙΜΑΣΤΙΚΗ ΕΚΤΥΠΩΣΗ
            Εκτυπωτής: Ταμείο 1
            ΣΥΝΟΛΟ                    1,00 €
            """,
        ["voucher-tr"] = """
            KAHVE DURAĞI
            [B2]HEDİYE ÇEKİ
            TUTAR                    *100,00
            Son kullanma: 31.12.2026
            """,
        ["voucher-ru"] = """
            ООО "ПЕКАРНЯ У ДОМА"
            [B2]ПОДАРОЧНЫЙ СЕРТИФИКАТ
            СУММА                   =1000.00
            Действителен до 31.12.2026
            """,
        ["voucher-pt"] = """
            LOJA DO BAIRRO
            [B2]VALE-PRESENTE
            Valor                   R$ 50,00
            Código: VP-2231-7781
            """,
        ["voucher-el"] = """
            ΦΟΥΡΝΟΣ Η ΑΓΙΑ ΕΛΕΝΗ
            [B2]ΔΩΡΟΕΠΙΤΑΓΗ
            ΠΟΣΟ                     20,00 €
            """,
        ["report-with-product-groups-en"] = """
            QUICK MART
            [B2]END OF SHIFT
            Cashier: Dana
            Coffee                      412.00
            Bakery                      380.50
            Grocery                     492.10
            [B]TOTAL SALES            1,284.60
            Cash                        402.10
            Card                        882.50
            """,
        ["cash-count-with-denominations-de"] = """
            Imbiss am Eck
            [B2]KASSENSTURZ
            Kasse 2   14.03.2026 22:00
            20 x 10,00 EUR            200,00
            15 x 20,00 EUR            300,00
            12 x 2,00 EUR              24,00
            [B]Summe                  524,00
            """,
        ["store-credit-en"] = """
            BOOK NOOK
            [B2]STORE CREDIT
            Amount                     25.00
            Balance                    25.00
            """,
    };

    private static readonly Dictionary<string, string> Cancellations = new(StringComparer.Ordinal)
    {
        ["stornobeleg-de"] = """
            Imbiss am Eck
            [B2]Storno-Beleg
            Bon-Nr. 1210
            Currywurst Pommes           6,50
            [B]SUMME EUR                6,50
            """,
        ["sztorno-hu"] = """
            PÉKSÉG A SARKON KFT.
            [B2]SZTORNÓ BIZONYLAT
            Nyugtaszám: 0045/01890
            Kávé                       590 Ft
            [B]ÖSSZESEN:               590 Ft
            """,
        ["kreditnota-da"] = """
            BAGERIET KRONEN ApS
            [B2]KREDITNOTA
            Bon nr. 55190
            Kaffe                      28,00
            [B]I ALT               DKK 28,00
            """,
        ["cancelado-pt"] = """
            PADARIA PÃO DOURADO LTDA
            [B2]CUPOM CANCELADO
            COO: 000140
            CAFE COADO                  4,50
            [B]TOTAL R$                 4,50
            """,
        ["anulado-es"] = """
            PANADERÍA SAN ROQUE
            [B2]TICKET ANULADO
            Nº ticket 000830
            Café con leche              1,50
            [B]TOTAL                    1,50 €
            """,
        ["cancelled-en"] = """
            QUICK MART
            [B2]TRANSACTION CANCELLED
            Receipt 88830
            Milk 1 gal                  3.49
            [B]TOTAL                    3.49
            """,
    };

    [Theory]
    [InlineData("kitchen-en", ReceiptKind.Kitchen)]
    [InlineData("kitchen-de", ReceiptKind.Kitchen)]
    [InlineData("kitchen-fr", ReceiptKind.Kitchen)]
    [InlineData("kitchen-es", ReceiptKind.Kitchen)]
    [InlineData("kitchen-tr", ReceiptKind.Kitchen)]
    [InlineData("kitchen-with-bold-table-number", ReceiptKind.Kitchen)]
    [InlineData("bar-ticket-with-prices", ReceiptKind.Kitchen)]
    [InlineData("prebill-en", ReceiptKind.Order)]
    [InlineData("prebill-de", ReceiptKind.Order)]
    [InlineData("prebill-es", ReceiptKind.Order)]
    [InlineData("prebill-it", ReceiptKind.Order)]
    [InlineData("prebill-pt", ReceiptKind.Order)]
    [InlineData("prebill-ru", ReceiptKind.Order)]
    [InlineData("prebill-el", ReceiptKind.Order)]
    [InlineData("order-slip-online", ReceiptKind.Order)]
    [InlineData("tip-slip-en", ReceiptKind.Tip)]
    [InlineData("tip-slip-fr", ReceiptKind.Tip)]
    [InlineData("tip-slip-es", ReceiptKind.Tip)]
    [InlineData("test-page-library", ReceiptKind.Test)]
    [InlineData("test-page-de", ReceiptKind.Test)]
    [InlineData("test-page-es", ReceiptKind.Test)]
    [InlineData("test-page-pt", ReceiptKind.Test)]
    [InlineData("voucher-en", ReceiptKind.Voucher)]
    [InlineData("voucher-de", ReceiptKind.Voucher)]
    [InlineData("voucher-fr", ReceiptKind.Voucher)]
    [InlineData("voucher-nl", ReceiptKind.Voucher)]
    [InlineData("voucher-pl", ReceiptKind.Voucher)]
    [InlineData("report-shift-en", ReceiptKind.Report)]
    public void A_document_that_is_not_a_sale_is_never_credited_and_says_what_it_is(string name, ReceiptKind kind)
    {
        var sale = PrintedReceipt.Read(NonSales[name]);

        PrintedReceipt.NotCredited(sale);
        Assert.True(sale.Kind == kind, $"kind: expected {kind}, read {PrintedReceipt.Describe(sale)}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("pl")]
    [InlineData("sv")]
    [InlineData("tr")]
    [InlineData("ru")]
    [InlineData("pt")]
    [InlineData("el")]
    [InlineData("ms")]
    [InlineData("it")]
    [InlineData("void-en")]
    public void A_refund_or_void_reads_as_a_refund_with_a_negative_total(string name)
    {
        var (text, total) = Refunds[name];
        var sale = PrintedReceipt.Read(text);

        Assert.True(sale.Kind == ReceiptKind.Refund && sale.Total == total, $"expected a refund of {total}, read {PrintedReceipt.Describe(sale)}");
    }

    [Theory]
    [InlineData("report-z-number-en")]
    [InlineData("report-ticket-z-fr")]
    [InlineData("report-nr-pl")]
    [InlineData("report-smena-ru")]
    [InlineData("report-kassenschnitt-de")]
    [InlineData("report-kasseopgorelse-da")]
    [InlineData("report-dagsoppgjor-no")]
    [InlineData("report-forgalmi-hu")]
    [InlineData("report-end-of-shift-en")]
    [InlineData("report-sales-summary-en")]
    [InlineData("report-cierre-turno-es")]
    [InlineData("cash-drop-en")]
    [InlineData("paid-out-en")]
    [InlineData("entnahme-de")]
    [InlineData("sangria-pt")]
    [InlineData("suprimento-pt")]
    [InlineData("adisyon-tr")]
    [InlineData("niefiskalny-pl")]
    [InlineData("not-tax-receipt-hu")]
    [InlineData("not-a-receipt-sv")]
    [InlineData("foreløbig-da")]
    [InlineData("valilasku-fi")]
    [InlineData("trinkgeldbeleg-de")]
    [InlineData("orcamento-pt")]
    [InlineData("test-da")]
    [InlineData("test-fr")]
    [InlineData("test-ru")]
    [InlineData("test-tr")]
    [InlineData("test-el")]
    [InlineData("voucher-tr")]
    [InlineData("voucher-ru")]
    [InlineData("voucher-pt")]
    [InlineData("voucher-el")]
    [InlineData("store-credit-en")]
    [InlineData("report-with-product-groups-en")]
    [InlineData("cash-count-with-denominations-de")]
    public void Reports_cash_slips_pre_bills_test_pages_and_vouchers_in_any_language_are_never_credited(string name)
    {
        PrintedReceipt.NotCredited(PrintedReceipt.Read(MoreNonSales[name]));
    }

    [Theory]
    [InlineData("stornobeleg-de")]
    [InlineData("sztorno-hu")]
    [InlineData("kreditnota-da")]
    [InlineData("cancelado-pt")]
    [InlineData("anulado-es")]
    [InlineData("cancelled-en")]
    public void A_cancelled_or_credit_note_receipt_is_never_credited_as_a_sale(string name)
    {
        var sale = PrintedReceipt.Read(Cancellations[name]);

        Assert.True(sale.Kind != ReceiptKind.Sale || !PrintedReceipt.Credited(sale), "a cancellation was credited as a sale: " + PrintedReceipt.Describe(sale));
    }

    [Fact]
    public void A_sale_of_a_gift_card_is_a_sale_not_a_voucher()
    {
        var sale = PrintedReceipt.Read("""
            HARBOR BAGELS
            Receipt #100530
            Gift Card                  25.00
            Large Coffee                2.75
            [B]TOTAL                   27.75
            VISA ************4417      27.75
            """);

        PrintedReceipt.CreditedSale(sale, 27.75m, "100530");
    }

    [Fact]
    public void A_cafe_whose_name_says_kitchen_still_sells()
    {
        var sale = PrintedReceipt.Read("""
            [B2]MAMA'S KITCHEN
            Receipt 7781
            Pancakes                    8.50
            Orange Juice                3.50
            [B]TOTAL                   12.00
            CASH                       20.00
            CHANGE                      8.00
            """);

        PrintedReceipt.CreditedSale(sale, 12.00m, "7781");
    }

    [Fact]
    public void A_sale_with_a_tip_line_stays_a_sale_with_the_tip_in_its_total()
    {
        var sale = PrintedReceipt.Read("""
            RIVERSIDE GRILL
            Check #4471
            Steak Frites               24.00
            Iced Tea                    3.50
            Subtotal                   27.50
            Tax                         2.20
            Tip                         5.00
            [B]TOTAL                   34.70
            MASTERCARD ************5454 34.70
            """);

        PrintedReceipt.CreditedSale(sale, 34.70m, "4471");
    }
}
