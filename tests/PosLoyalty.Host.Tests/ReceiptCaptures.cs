using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Host.Tests;

/// <summary>
/// Receipt captures in layouts and languages the shared fixtures do not have, built with the project's own ESC/POS
/// encoder: code pages switched with ESC t, double-size totals, barcodes and QR codes between the lines, and
/// several receipts in one stream.
/// </summary>
internal static class ReceiptCaptures
{
    /// <summary>German bakery, PC858 (for €), items with VAT class letters, girocard with a full PAN, QR code.</summary>
    public static byte[] German() => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Pc858)
        .Align(TextAlignment.Center).Bold(true).Size(2, 2).Line("Bäckerei Müller").NormalSize().Bold(false)
        .Line("Hauptstraße 12, 80331 München")
        .Line("USt-IdNr. DE123456789")
        .Align(TextAlignment.Left)
        .Line("Bon-Nr. 4711            Kasse 2")
        .Line("14.03.2026              08:15")
        .Line("--------------------------------")
        .Line("Brezel                    0,95 A")
        .Line("Roggenbrot 750g           3,49 A")
        .Line("Apfelsaft 1L")
        .Line("  3 x 1,29                3,87 B")
        .Line("--------------------------------")
        .Line("Zwischensumme             8,31")
        .Bold(true).Size(1, 2).Line("SUMME EUR                 8,31").NormalSize().Bold(false)
        .Line("girocard                  8,31")
        .Line("Karte 5555 5555 5555 4444")
        .Line("MwSt A 7%   netto 4,15   0,29")
        .Line("MwSt B 19%  netto 3,25   0,62")
        .QrCode("https://example.test/bon/4711")
        .Line("Vielen Dank für Ihren Einkauf!")
        .FeedAndCut()
        .ToArray();

    /// <summary>French café, WPC1252, amount due in double width with the € after it.</summary>
    public static byte[] French() => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Wpc1252)
        .Align(TextAlignment.Center).Line("CAFÉ DE LA GARE").Line("SIRET 123 456 789 00012").Align(TextAlignment.Left)
        .Line("Ticket n° 000812   14/03/2026 09:02")
        .Line("================================")
        .Line("2 x Café crème              5,80")
        .Line("Croissant                   1,40")
        .Line("Pain au chocolat            1,50")
        .Line("================================")
        .Line("Total HT                    7,91")
        .Line("TVA 10%                     0,79")
        .Bold(true).Size(2, 1).Line("À PAYER      8,70 €").NormalSize().Bold(false)
        .Line("Espèces                    10,00")
        .Line("Rendu monnaie               1,30")
        .Line("Merci de votre visite")
        .FeedAndCut()
        .ToArray();

    /// <summary>Polish fiscal receipt, PC852: items as "qty x price value VAT-class", SUMA PLN.</summary>
    public static byte[] Polish() => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Pc852)
        .Align(TextAlignment.Center).Line("PIEKARNIA SŁONECZNA").Line("ul. Długa 5, Gdańsk").Line("NIP 123-456-32-18").Align(TextAlignment.Left)
        .Line("2026-03-14                 nr wydr. 123")
        .Bold(true).Line("      PARAGON FISKALNY").Bold(false)
        .Line("Chleb żytni         1 x 6,50   6,50A")
        .Line("Bułka               3 x 0,90   2,70A")
        .Line("Kawa                1 x 9,00   9,00B")
        .Line("----------------------------------------")
        .Line("SPRZEDAŻ OPODATKOWANA A        9,20")
        .Line("PTU A 5%                       0,44")
        .Line("SUMA PTU                       0,44")
        .Bold(true).Size(2, 2).Line("SUMA PLN 18,20").NormalSize().Bold(false)
        .Line("Gotówka                       50,00")
        .Line("Reszta                        31,80")
        .Line("Nr paragonu: 4412   Kasa 1")
        .Code128("{B4412-20260314")
        .FeedAndCut()
        .ToArray();

    /// <summary>Czech bakery, PC852, prices with Kč after them, "Celkem bez DPH" that must not be the total.</summary>
    public static byte[] Czech() => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Pc852)
        .Align(TextAlignment.Center).Line("PEKÁRNA U MOSTU").Line("IČO: 12345678  DIČ: CZ12345678").Align(TextAlignment.Left)
        .Line("Účtenka č. 2026/0315")
        .Line("14.03.2026 17:45")
        .Line("--------------------------------")
        .Line("Chléb                    49,90 Kč")
        .Line("Koláč                    25,00 Kč")
        .Line("--------------------------------")
        .Line("Celkem bez DPH           65,08 Kč")
        .Line("DPH 12%                   9,82 Kč")
        .Bold(true).Line("CELKEM K ÚHRADĚ          74,90 Kč").Bold(false)
        .Line("Platba kartou            74,90 Kč")
        .Line("Děkujeme za nákup")
        .FeedAndCut()
        .ToArray();

    /// <summary>Hungarian café, PC852, forints without decimals and spaces between thousands.</summary>
    public static byte[] Hungarian() => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Pc852)
        .Align(TextAlignment.Center).Line("NAPFÉNY KÁVÉZÓ").Line("Adószám: 12345678-2-42").Align(TextAlignment.Left)
        .Line("Nyugtaszám: 0012/00345")
        .Line("2026.03.14. 16:30")
        .Line("--------------------------------")
        .Line("Kávé                      650 Ft")
        .Line("Pogácsa                   420 Ft")
        .Line("Rétes                   1 290 Ft")
        .Line("--------------------------------")
        .Bold(true).Size(1, 2).Line("ÖSSZESEN:               2 360 Ft").NormalSize().Bold(false)
        .Line("ÁFA 27%                   502 Ft")
        .Line("Készpénz                5 000 Ft")
        .Line("Visszajáró              2 640 Ft")
        .FeedAndCut()
        .ToArray();

    /// <summary>Spanish café, one stream: a sale, a refund (trailing minus), and a reprint of the sale.</summary>
    public static byte[] SpanishSaleRefundAndReprint()
    {
        var encoder = new EscPosEncoder().Initialize().CodePage(EscPosCodePage.Pc858);
        Sale(encoder, reprint: false);
        encoder.Align(TextAlignment.Center).Line("CAFETERÍA LA PLAZA").Align(TextAlignment.Left)
            .Bold(true).Line("DEVOLUCIÓN").Bold(false)
            .Line("Factura simplificada: T-1204")
            .Line("14/03/2026 10:45")
            .Line("--------------------------------")
            .Line("Tostada                    2,50-")
            .Line("--------------------------------")
            .Bold(true).Line("TOTAL                    2,50- €").Bold(false)
            .Line("Efectivo                   2,50-")
            .FeedAndCut();
        Sale(encoder, reprint: true);
        return encoder.ToArray();

        static void Sale(EscPosEncoder e, bool reprint)
        {
            e.Align(TextAlignment.Center).Line("CAFETERÍA LA PLAZA");
            if (reprint)
            {
                e.Line("*** COPIA ***");
            }

            e.Align(TextAlignment.Left)
                .Line("Factura simplificada: T-1203")
                .Line("14/03/2026 10:30")
                .Line("--------------------------------")
                .Line("Café con leche              1,80")
                .Line("Tostada                     2,50")
                .Line("--------------------------------")
                .Line("Base imponible              3,91")
                .Line("IVA 10%                     0,39")
                .Bold(true).Size(2, 2).Line("TOTAL  4,30 €").NormalSize().Bold(false)
                .Line("Tarjeta VISA 4111-1111-1111-1111")
                .Ean13Barcode("400638133393")
                .FeedAndCut();
        }
    }

    /// <summary>
    /// A Star Line Mode capture (TSP100/TSP650 class, Star Line Mode manual): ESC @, code table PC858 by ESC GS t 4,
    /// ESC E / ESC F bold, ESC i double size, a CODE128 barcode (ESC b), two sales each ended by ESC d 1 (partial cut),
    /// the second a reprint.
    /// </summary>
    public static byte[] StarTwoReceipts()
    {
        var bytes = new List<byte>();
        void Raw(params byte[] b) => bytes.AddRange(b);
        void Text(string line) => bytes.AddRange(System.Text.Encoding.Latin1.GetBytes(line + "\n"));
        foreach (var copy in new[] { false, true })
        {
            Raw(0x1B, 0x40);                   // ESC @ initialise
            Raw(0x1B, 0x1D, 0x74, 0x04);       // ESC GS t 4: PC858
            Raw(0x1B, 0x45);                   // ESC E bold on
            Text("   CORNER CAFE");
            Raw(0x1B, 0x46);                   // ESC F bold off
            if (copy)
            {
                Text("*** REPRINT ***");
            }

            Text("Receipt # 88017");
            Text("2026-03-14 09:41");
            Text("Flat white            3.60");
            Text("Banana bread          2.90");
            Raw(0x1B, 0x69, 0x01, 0x01);       // ESC i 1 1: double height and width
            Text("TOTAL           GBP   6.50");
            Raw(0x1B, 0x69, 0x00, 0x00);
            Text("Contactless           6.50");
            Raw(0x1B, 0x62, 0x06, 0x02, 0x02, 0x50); // ESC b: CODE128, HRI below, 3-dot modules, 80 dots high
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes("88017"));
            Raw(0x1E);                         // RS ends the barcode data
            Text(string.Empty);
            Raw(0x1B, 0x64, 0x01);             // ESC d 1: partial cut
        }

        return [.. bytes];
    }
}
