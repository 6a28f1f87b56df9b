using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>
/// One sale and one X/Z report in each language the reader promises, written after the layouts real POS software
/// prints in that country (fiscal lines, tax ids, table and register numbers beside the receipt number). Shops,
/// items and amounts are made up.
/// </summary>
public sealed class ReceiptLanguageCoverageTests
{
    private static readonly Dictionary<string, (string Text, decimal Total, string Number, int Items)> Sales = new(StringComparer.Ordinal)
    {
        ["en"] = ("""
            HARBOR BAGELS
            14 Pier Road, Portland ME 04101
            Tel (207) 555-0148
            Register 3        Cashier: Dana
            Table 14
            Receipt #100482
            03/14/2026  8:41 AM
            --------------------------------
            2 x Everything Bagel        5.90
            Lox Spread                  3.25
            Large Coffee                2.75
            --------------------------------
            Subtotal                   11.90
            Tax 5.5%                    0.65
            [B2]TOTAL                  $12.55
            VISA ************4417      12.55
            """, 12.55m, "100482", 3),
        ["de"] = ("""
            Café Lindenhof
            Lindenstr. 4, 10969 Berlin
            St.-Nr. 29/123/45678
            Kasse 1        Bediener 7
            Tisch 12
            --------------------------------
            2 Milchkaffee à 3,40      6,80 A
            Apfelstrudel              4,90 A
            --------------------------------
            [B2]SUMME EUR             11,70
            Bar                       20,00
            Rückgeld                   8,30
            MwSt  Netto   MwSt  Brutto
            A 19%  9,83   1,87   11,70
            TSE-Transaktion: 15532
            TSE-Signaturzähler: 31064
            Bon-Nr: 8842   14.03.2026 12:31
            """, 11.70m, "8842", 2),
        ["fr"] = ("""
            AU FOURNIL DE LÉA
            12 rue des Lilas 69003 Lyon
            SIRET 812 345 678 00019
            Tél. 04 78 12 34 56
            Caisse 2       Caissier: Marc
            Ticket N° 004127
            14/03/2026 08:12
            Baguette tradition          1,20
            2 x Croissant  1,10         2,20
            Tarte aux pommes            3,80
            [B]TOTAL TTC               7,20 €
            CB                          7,20
            TVA 5,5%   HT 6,82   TVA 0,38
            """, 7.20m, "004127", 3),
        ["es"] = ("""
            PANADERÍA SAN ROQUE
            NIF B12345678
            C/ Mayor 8, 28013 Madrid
            Tel. 915 123 456
            Mesa: 4     Camarero: Luis
            FACTURA SIMPLIFICADA
            Nº: T001-2026-000815
            Fecha: 14/03/2026  Hora: 09:47
            --------------------------------
            Churros (6 u.)              3,60
            2 Café con leche            3,00
            --------------------------------
            Base imponible 10%          6,00
            Cuota IVA 10%               0,60
            [B2]TOTAL                   6,60 €
            Efectivo                   10,00
            Cambio                      3,40
            """, 6.60m, "T001-2026-000815", 2),
        ["it"] = ("""
            PASTICCERIA DOLCE VITA
            Via Roma 21 - 20121 Milano
            P.IVA 01234567890
            Tel. 02 1234567
            DOCUMENTO COMMERCIALE
            di vendita o prestazione
            DESCRIZIONE            IVA  Prezzo(€)
            Cannolo siciliano      10%      3,50
            2 x Caffè              10%      2,40
            Brioche                10%      1,50
            [B]TOTALE COMPLESSIVO           7,40
            di cui IVA                      0,67
            Pagamento elettronico           7,40
            Importo pagato                  7,40
            14-03-2026 10:15
            DOCUMENTO N. 0087-0042
            RT 99MEX012345
            """, 7.40m, "0087-0042", 3),
        ["nl"] = ("""
            BAKKERIJ VAN DAM
            Dorpsstraat 3, 6711 AB Ede
            KvK 12345678  BTW NL123456789B01
            Tel. 0318-123456
            Kassa 2     Medewerker: Sanne
            Bonnr: 40231
            14-03-2026 11:02
            Volkorenbrood               3,15
            4 x Krentenbol  0,60        2,40
            Appelflap                   1,95
            [B]Totaal                 € 7,50
            Pinnen                    € 7,50
            BTW 9%     6,88    0,62    7,50
            """, 7.50m, "40231", 3),
        ["sv"] = ("""
            KONDITORI SOLSTRÅLEN AB
            Storgatan 5, 411 38 Göteborg
            Org.nr 556123-4567
            Tel 031-12 34 56
            Kassa 1     Kassör: Elin
            Kvitto nr 7412
            2026-03-14 14:20
            Prinsesstårta bit           49,00
            2 st Kanelbulle à 32,00     64,00
            Bryggkaffe                  35,00
            [B2]Att betala           148,00 kr
            Kort                        148,00
            Moms %   Moms     Netto    Brutto
            12,00    15,86    132,14   148,00
            """, 148.00m, "7412", 3),
        ["da"] = ("""
            BAGERIET KRONEN ApS
            Vestergade 10, 8000 Aarhus C
            CVR 12345678
            Tlf. 86 12 34 56
            Kasse 3     Ekspedient: Mads
            Bon nr. 55120
            14.03.2026 15:05
            Rugbrød                      32,00
            3 x Tebirkes  12,00          36,00
            Kaffe                        28,00
            [B]I ALT                 DKK 96,00
            Dankort                      96,00
            Heraf moms 25%               19,20
            """, 96.00m, "55120", 3),
        ["no"] = ("""
            KAFFEHUSET BRYGGA AS
            Bryggen 2, 5003 Bergen
            Org.nr. 987 654 321 MVA
            Tlf 55 12 34 56
            Kasse 1   Betjent av: Ola
            Kvittering nr. 20117
            14.03.2026 16:40
            Skillingsbolle               42,00
            2 x Cappuccino 48,00         96,00
            [B2]TOTALT                kr 138,00
            Bankkort                     138,00
            Herav mva 15%                 18,00
            """, 138.00m, "20117", 2),
        ["fi"] = ("""
            LEIPOMO KULTAKRUUNU OY
            Aleksanterinkatu 9, 00100 Helsinki
            Y-tunnus 1234567-8
            Puh. 09 123 4567
            Kassa 2    Myyjä: Aino
            Kuitti nro 31870
            14.3.2026 klo 17:02
            Karjalanpiirakka 3 kpl       4,50
            Pulla                        3,20
            Kahvi                        2,80
            [B]YHTEENSÄ              10,50 EUR
            Pankkikortti                 10,50
            ALV 14%   Veroton 9,21   Vero 1,29
            """, 10.50m, "31870", 3),
        ["et"] = ("""
            KOHVIK VANALINN OÜ
            Raekoja plats 1, 10146 Tallinn
            Reg. nr 12345678  KMKR EE101234567
            Tel. 612 3456
            Kassa 1    Kassiir: Mari
            Tšekk nr 66012
            14.03.2026 12:45
            Kama kohupiimaga             3,90
            2 x Kohv  2,50               5,00
            [B]KOKKU                      8,90 €
            Kaardimakse                   8,90
            KM 22%   Maksustatav 7,30   KM 1,60
            """, 8.90m, "66012", 2),
        ["hu"] = ("""
            PÉKSÉG A SARKON KFT.
            1052 Budapest, Váci utca 3.
            Adószám: 12345678-2-41
            Tel.: +36 1 234 5678
            Pénztár: 2   Pénztáros: Kata
            NYUGTA
            Nyugtaszám: 0045/01872
            2026.03.14. 09:20
            Kakaós csiga               450 Ft
            2 x Pogácsa 320            640 Ft
            Kávé                       590 Ft
            [B2]ÖSSZESEN:            1 680 Ft
            Bankkártya               1 680 Ft
            ÁFA 27%                    357 Ft
            """, 1680m, "0045/01872", 3),
        ["pl"] = ("""
            PIEKARNIA POD LIPĄ SP. Z O.O.
            ul. Długa 5, 00-238 Warszawa
            NIP 525-000-12-34
            2026-03-14              nr wydr. 001234
            PARAGON FISKALNY
            Pączek z różą     2 x 3,50     7,00 A
            Drożdżówka        1 x 4,20     4,20 A
            Kawa czarna       1 x 8,00     8,00 B
            Sprzedaż opodatkowana A       11,20
            PTU A 5,00%                    0,53
            Sprzedaż opodatkowana B        8,00
            PTU B 8,00%                    0,59
            Suma PTU                       1,12
            [B2]SUMA PLN                  19,20
            Karta płatnicza               19,20
            Kasa nr 1   Kasjer: Anna     12:05
            Nr paragonu: 4518
            """, 19.20m, "4518", 3),
        ["cs"] = ("""
            KAVÁRNA U ZLATÉ LŽIČKY s.r.o.
            Karlova 12, 110 00 Praha 1
            IČO: 12345678   DIČ: CZ12345678
            Tel.: +420 222 123 456
            Pokladna 1   Obsluha: Petr
            Stůl č. 5
            Účtenka č.: 2026-004471
            14.03.2026 13:10
            Espresso         2 x 55,00   110,00
            Větrník                       65,00
            [B2]Celkem                175,00 Kč
            Platba kartou             175,00 Kč
            Základ 21%   144,63   DPH   30,37
            """, 175.00m, "2026-004471", 2),
        ["tr"] = ("""
            KAHVE DURAĞI GIDA LTD. ŞTİ.
            Bağdat Cad. No:12 Kadıköy/İSTANBUL
            TEL: 0216 123 45 67
            KADIKÖY V.D. 1234567890
            TARİH: 14.03.2026    SAAT: 14:23
            FİŞ NO: 0042
            Türk kahvesi     %10      *45,00
            Simit            %1       *15,00
            Su               %1       *10,00
            TOPKDV                     *4,34
            [B2]TOPLAM                *70,00
            KREDİ KARTI               *70,00
            Z NO: 0156     EKÜ NO: 0001
            MF YAB 12012345
            """, 70.00m, "0042", 3),
        ["ru"] = ("""
            ООО "ПЕКАРНЯ У ДОМА"
            г. Москва, ул. Тверская, д. 7
            ИНН 7701234567
            КАССОВЫЙ ЧЕК
            ПРИХОД
            Смена № 124       Чек № 58
            14.03.2026 09:15
            Кассир: Иванова А.
            Круассан
              2 x 95.00                  =190.00
            Кофе латте
              1 x 180.00                 =180.00
            [B2]ИТОГ                     =370.00
            БЕЗНАЛИЧНЫМИ                 =370.00
            СУММА НДС 20%                 =61.67
            ЗН ККТ: 00106712345678
            ФН: 9287440300012345
            ФД: 31245     ФП: 2812345678
            """, 370.00m, "58", 2),
        ["pt"] = ("""
            PADARIA PÃO DOURADO LTDA
            CNPJ: 12.345.678/0001-90  IE: 123.456.789.110
            Rua das Flores, 100 - Centro - Curitiba/PR
            Documento Auxiliar da Nota Fiscal de Consumidor Eletrônica
            #  CÓDIGO   DESCRIÇÃO   QTDE UN   VL UNIT   VL TOTAL
            001 7891000 PAO FRANCES 0,500 KG x 15,90     7,95
            002 7892000 CAFE COADO 2 UN x 4,50           9,00
            003 7893000 BOLO FUBA 1 UN x 12,00          12,00
            Qtde. total de itens                           3
            Valor total R$                             28,95
            Desconto R$                                 0,95
            [B]Valor a Pagar R$                         28,00
            FORMA PAGAMENTO                     VALOR PAGO R$
            Dinheiro                                   50,00
            Troco R$                                   22,00
            NFC-e nº 000123 Série 001 14/03/2026 10:22:31
            Protocolo de autorização: 141260000123456
            """, 28.00m, "000123", 3),
        ["ms"] = ("""
            KEDAI ROTI SERI MURNI SDN BHD
            (123456-K)
            No. 8, Jalan Bunga Raya, 50450 Kuala Lumpur
            Tel: 03-2123 4567
            No. Pendaftaran SST: W10-1808-32000123
            RESIT
            No. Resit: KL01-000871
            Tarikh: 14/03/2026  Masa: 12:40
            Juruwang: Aminah    Kaunter: 2
            Roti canai x2                 3.00
            Teh tarik                     2.50
            Nasi lemak                    6.50
            Jumlah Kecil                 12.00
            SST 6%                        0.72
            [B2]JUMLAH                 RM 12.72
            Tunai                        20.00
            Baki                          7.28
            """, 12.72m, "KL01-000871", 3),
        ["el"] = ("""
            ΦΟΥΡΝΟΣ Η ΑΓΙΑ ΕΛΕΝΗ
            Ερμού 15, 10563 Αθήνα
            ΑΦΜ: 099123456   ΔΟΥ: Α' ΑΘΗΝΩΝ
            ΤΗΛ: 210 1234567
            ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ
            ΑΡ. ΑΠΟΔΕΙΞΗΣ: 3312
            14/03/2026 08:55
            Τυρόπιτα                      2,80
            Κουλούρι x2                   1,40
            Φρέντο εσπρέσο                2,50
            [B2]ΣΥΝΟΛΟ                  6,70 €
            ΚΑΡΤΑ                         6,70
            ΦΠΑ 13%   ΚΑΘΑΡΗ ΑΞΙΑ 5,93   ΦΠΑ 0,77
            ΜΑΡΚ: 400001234567890
            """, 6.70m, "3312", 3),
    };

    private static readonly Dictionary<string, string> Reports = new(StringComparer.Ordinal)
    {
        ["en"] = """
            HARBOR BAGELS
            [B2]Z REPORT
            Register 3          Z #0213
            03/14/2026 21:04
            --------------------------------
            Gross Sales             2,418.60
            Discounts                 -41.20
            Net Sales               2,377.40
            Tax                       130.76
            [B]TOTAL                2,508.16
            Cash                      812.40
            Card                    1,695.76
            Transactions                 187
            """,
        ["de"] = """
            Café Lindenhof
            [B2]Z-Bon  Nr. 0156
            Kasse 1   14.03.2026 22:10
            Umsatz brutto          1.834,20
            davon MwSt 19%           211,40
            davon MwSt 7%             38,90
            [B]Summe               1.834,20
            Bar                    1.102,70
            EC-Karte                 731,50
            Anzahl Belege               143
            """,
        ["fr"] = """
            AU FOURNIL DE LÉA
            [B2]CLÔTURE DE CAISSE
            Caisse 2   14/03/2026 19:30
            CA TTC                 1 245,80
            TVA 5,5%                  64,93
            [B]TOTAL               1 245,80
            Espèces                  402,10
            CB                       843,70
            Nombre de tickets           211
            """,
        ["es"] = """
            PANADERÍA SAN ROQUE
            [B2]INFORME Z Nº 0091
            Fecha: 14/03/2026
            Ventas brutas            987,40
            IVA 10%                   89,76
            [B]TOTAL                 987,40
            Efectivo                 512,00
            Tarjeta                  475,40
            Nº de tickets               164
            """,
        ["it"] = """
            PASTICCERIA DOLCE VITA
            [B2]CHIUSURA GIORNALIERA
            Azzeramento N. 0087
            14-03-2026 20:15
            Corrispettivi           1.530,20
            [B]TOTALE GIORNALIERO   1.530,20
            Contanti                  610,00
            Elettronico               920,20
            Documenti emessi             238
            """,
        ["nl"] = """
            BAKKERIJ VAN DAM
            [B2]Z-RAPPORT
            Kassa 2   14-03-2026 18:05
            Omzet incl. BTW          842,35
            BTW 9%                    69,55
            [B]Totaal                842,35
            Contant                  301,10
            Pin                      541,25
            Aantal bonnen               173
            """,
        ["sv"] = """
            KONDITORI SOLSTRÅLEN AB
            [B2]Z-RAPPORT  Nr 0412
            2026-03-14 18:30
            Försäljning brutto     18 420,00
            Moms 12%                1 973,57
            [B]Totalt              18 420,00
            Kort                   17 610,00
            Kontant                   810,00
            Antal kvitton                226
            """,
        ["da"] = """
            BAGERIET KRONEN ApS
            [B2]Z-RAPPORT
            Kasse 3   14.03.2026 18:10
            Omsætning inkl. moms   12.845,00
            Moms 25%                2.569,00
            [B]I ALT               12.845,00
            Dankort                11.920,00
            Kontant                   925,00
            Antal bonner                 301
            """,
        ["no"] = """
            KAFFEHUSET BRYGGA AS
            [B2]Z-RAPPORT
            Kasse 1   14.03.2026 19:00
            Omsetning inkl. mva     9 612,00
            Mva 15%                 1 253,74
            [B]TOTALT               9 612,00
            Bankkort                9 104,00
            Kontant                   508,00
            Antall salg                  188
            """,
        ["fi"] = """
            LEIPOMO KULTAKRUUNU OY
            [B2]Z-RAPORTTI
            Kassa 2   14.3.2026 18:20
            Myynti yhteensä         1 284,60
            ALV 14%                   157,76
            [B]YHTEENSÄ             1 284,60
            Pankkikortti            1 190,10
            Käteinen                   94,50
            Kuitteja                     203
            """,
        ["et"] = """
            KOHVIK VANALINN OÜ
            [B2]Z-ARUANNE
            Kassa 1   14.03.2026 21:00
            Müük kokku                964,30
            KM 22%                    173,89
            [B]KOKKU                  964,30
            Kaardimaksed              903,80
            Sularaha                   60,50
            Tšekke                       151
            """,
        ["hu"] = """
            PÉKSÉG A SARKON KFT.
            [B2]NAPI ZÁRÁS
            Pénztár: 2   2026.03.14. 19:00
            Bruttó forgalom          184 350 Ft
            ÁFA 27%                   39 194 Ft
            [B]ÖSSZESEN:             184 350 Ft
            Készpénz                  62 100 Ft
            Bankkártya               122 250 Ft
            Nyugták száma                   119
            """,
        ["pl"] = """
            PIEKARNIA POD LIPĄ SP. Z O.O.
            NIP 525-000-12-34
            [B2]RAPORT DOBOWY FISKALNY
            Nr raportu: 0312
            Sprzedaż opodatkowana A     2 140,50
            PTU A 5,00%                   101,93
            [B]SUMA PLN                 2 140,50
            Gotówka                       820,00
            Karta                       1 320,50
            Liczba paragonów                 176
            """,
        ["cs"] = """
            KAVÁRNA U ZLATÉ LŽIČKY s.r.o.
            [B2]DENNÍ UZÁVĚRKA
            Pokladna 1   14.03.2026 22:00
            Tržba celkem             24 380,00 Kč
            DPH 21%                   4 231,24 Kč
            [B]Celkem                24 380,00 Kč
            Hotově                    6 120,00 Kč
            Kartou                   18 260,00 Kč
            Počet účtenek                    212
            """,
        ["tr"] = """
            KAHVE DURAĞI GIDA LTD. ŞTİ.
            [B2]Z RAPORU
            TARİH: 14.03.2026   SAAT: 23:10
            Z NO: 0156
            KÜMÜLATİF TOPLAM        *184.512,40
            GÜNLÜK TOPLAM             *4.812,40
            TOPKDV                      *512,30
            [B]TOPLAM                 *4.812,40
            NAKİT                     *1.210,00
            KREDİ KARTI               *3.602,40
            FİŞ SAYISI                      214
            """,
        ["ru"] = """
            ООО "ПЕКАРНЯ У ДОМА"
            [B2]ОТЧЁТ О ЗАКРЫТИИ СМЕНЫ
            Смена № 124
            14.03.2026 22:00
            Чеков за смену: 186
            ПРИХОД                    =48 320.00
            ВОЗВРАТ ПРИХОДА              =640.00
            [B]ИТОГО                  =47 680.00
            НАЛИЧНЫМИ                 =12 100.00
            БЕЗНАЛИЧНЫМИ              =35 580.00
            ФН: 9287440300012345
            """,
        ["pt"] = """
            PADARIA PÃO DOURADO LTDA
            CNPJ: 12.345.678/0001-90
            [B2]FECHAMENTO DE CAIXA
            14/03/2026 20:00
            Vendas brutas             R$ 3.218,45
            Cancelamentos               R$ 42,10
            Descontos                   R$ 36,35
            [B]TOTAL LÍQUIDO          R$ 3.140,00
            Dinheiro                  R$ 1.020,00
            Cartão                    R$ 1.610,00
            PIX                         R$ 510,00
            """,
        ["ms"] = """
            KEDAI ROTI SERI MURNI SDN BHD
            [B2]LAPORAN JUALAN HARIAN
            Tarikh: 14/03/2026  Kaunter: 2
            Jualan Kasar             RM 3,284.50
            Diskaun                    RM 42.00
            SST 6%                    RM 194.55
            [B]JUMLAH                RM 3,437.05
            Tunai                    RM 1,210.00
            Kad                      RM 2,227.05
            Bil Transaksi                    241
            """,
        ["el"] = """
            ΦΟΥΡΝΟΣ Η ΑΓΙΑ ΕΛΕΝΗ
            [B2]ΑΝΑΦΟΡΑ Ζ
            Αρ. Ζ: 0412   14/03/2026 21:30
            Πωλήσεις                 1.482,60
            ΦΠΑ 13%                    170,56
            [B]ΣΥΝΟΛΟ                1.482,60
            Μετρητά                    512,00
            Κάρτα                      970,60
            Αποδείξεις                    203
            """,
    };

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("nl")]
    [InlineData("sv")]
    [InlineData("da")]
    [InlineData("no")]
    [InlineData("fi")]
    [InlineData("et")]
    [InlineData("hu")]
    [InlineData("pl")]
    [InlineData("cs")]
    [InlineData("tr")]
    [InlineData("ru")]
    [InlineData("pt")]
    [InlineData("ms")]
    [InlineData("el")]
    public void A_sale_in_each_language_reads_its_total_and_receipt_number_beside_decoy_numbers(string language)
    {
        var (text, total, number, _) = Sales[language];

        PrintedReceipt.CreditedSale(PrintedReceipt.Read(text), total, number);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("nl")]
    [InlineData("sv")]
    [InlineData("da")]
    [InlineData("no")]
    [InlineData("fi")]
    [InlineData("et")]
    [InlineData("hu")]
    [InlineData("pl")]
    [InlineData("cs")]
    [InlineData("tr")]
    [InlineData("ru")]
    [InlineData("pt")]
    [InlineData("ms")]
    [InlineData("el")]
    public void A_sale_in_each_language_lists_its_items(string language)
    {
        var (text, _, _, items) = Sales[language];
        var sale = PrintedReceipt.Read(text);

        Assert.True(sale.Items.Count == items, $"items: expected {items}, read [{string.Join(" | ", sale.Items.Select(i => $"{i.Quantity} {i.Description} {i.Amount}"))}] {PrintedReceipt.Describe(sale)}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("nl")]
    [InlineData("sv")]
    [InlineData("da")]
    [InlineData("no")]
    [InlineData("fi")]
    [InlineData("et")]
    [InlineData("hu")]
    [InlineData("pl")]
    [InlineData("cs")]
    [InlineData("tr")]
    [InlineData("ru")]
    [InlineData("pt")]
    [InlineData("ms")]
    [InlineData("el")]
    public void An_end_of_day_report_in_each_language_is_never_credited_whatever_total_it_prints(string language)
    {
        var sale = PrintedReceipt.Read(Reports[language]);

        PrintedReceipt.NotCredited(sale);
        Assert.True(sale.Kind == ReceiptKind.Report, "expected a report, read " + PrintedReceipt.Describe(sale));
    }
}
