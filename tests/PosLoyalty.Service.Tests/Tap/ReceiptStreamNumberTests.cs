using static PosLoyalty.Service.Tests.Tap.StreamCodePages;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// Receipt numbers as real layouts print them — a label on its own line above the number, "#1234" in a heading,
/// "Receipt: 1234/2026", the number only in a barcode or QR code, the number beside the date — among the numbers
/// that are not it (tables, covers, cashiers, terminals, TSE and fiscal counters, tax ids, phones, IBANs, order ids),
/// each printed by every library. The sale around them is the same; only the number's lines change.
/// </summary>
public sealed class ReceiptStreamNumberTests
{
    private const string Body = """
        ---
        Coffee|3.00
        Cake|4.50
        ---
        [B][2]TOTAL|7.50
        Card|7.50
        """;

    internal sealed record Numbered(ReceiptScript.Pages Pages, string Header, string? Number);

    internal static readonly Dictionary<string, Numbered> Cases = new()
    {
        ["label-above-en"] = new(Pc437, "Receipt No.:\n000123", "000123"),
        ["label-above-de"] = new(Pc858, "Bon-Nr.:\n4711", "4711"),
        ["label-above-fr"] = new(Wpc1252, "N° de ticket\n000812", "000812"),
        ["label-above-sv"] = new(Pc865, "Kvittonummer\n77812", "77812"),
        ["hash-heading-en"] = new(Pc437, "[C][B][2]Sale #1234", "1234"),
        ["number-slash-year-en"] = new(Pc437, "Receipt: 1234/2026", "1234/2026"),
        ["barcode-only-de"] = new(Pc858, "[C]Bäckerei Schröder\n[CODE128]000088123", "000088123"),
        ["qr-link-only-en"] = new(Pc437, "[C]THE CORNER CAFE\n[QR]https://corner.example/receipt?id=88123", "88123"),
        ["beside-date-de"] = new(Pc858, "14.03.2026 09:41   Bon 4711", "4711"),
        ["beside-date-fr"] = new(Wpc1252, "N° 004512   14/03/2026 10:22", "004512"),
        ["beside-iso-date-en"] = new(Pc437, "2026-03-14 12:01   #10233", "10233"),
        ["decoys-then-bon-de"] = new(Pc858, "Tisch 12  Gäste 4\nKassierer 07\nTerminal-ID 12345678\nTSE-Signaturzähler 2245\nTSE-Transaktion 1122\nUSt-IdNr. DE123456789\nTel. 030 1234567\nIBAN DE89 3704 0044 0532 0130 00\nBon-Nr. 5531", "5531"),
        ["order-before-receipt-en"] = new(Pc437, "Order #A-7781\nCashier: 1043\nReceipt 55210", "55210"),
        ["terminal-and-cashier-en"] = new(Pc437, "Cashier: 1043|Terminal: 00012345\nReceipt #: 4410", "4410"),
        ["sorszama-hu"] = new(Pc852, "Nyugta sorszáma: 1187", "1187"),
        ["num-ticket-es"] = new(Pc850, "Núm. ticket: 004512\nMesa 4  Comensales 2", "004512"),
        ["scontrino-it"] = new(Pc858, "SCONTRINO N. 0017\nTavolo 3  Cassa 1", "0017"),
        ["fd-before-chek-ru"] = new(Pc866, "ФД № 4567\nСмена № 25\nЧек № 117", "117"),
        ["z-no-before-fis-tr"] = new(Pc857, "Z NO: 0412   EKÜ NO: 0001\nFİŞ NO: 0087", "0087"),
        ["coo-pt"] = new(Pc860, "CNPJ: 12.345.678/0001-90\nCOO: 004521", "004521"),
        ["bon-after-table-nl"] = new(Wpc1252, "Tafel 5\nBon 2026-00451", "2026-00451"),
        ["arithmos-el"] = new(Pc737, "ΤΑΜΕΙΟ 2\nΑΡΙΘΜΟΣ: 3345", "3345"),
        ["no-number-en"] = new(Pc437, "Tel: 555-1234\nStore #: 0042\nTable 9", null),
        ["iban-only-de"] = new(Pc858, "IBAN DE89 3704 0044 0532 0130 00\nKasse 2", null),
    };

    public static TheoryData<string, PrintLibrary> Readable()
    {
        var data = new TheoryData<string, PrintLibrary>();
        foreach (var name in Cases.Keys)
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
        .. Enum.GetValues<PrintLibrary>().Select(library => ("label-above-en", library)),
        .. Enum.GetValues<PrintLibrary>().Select(library => ("label-above-de", library)),
        .. Enum.GetValues<PrintLibrary>().Select(library => ("label-above-fr", library)),
        .. Enum.GetValues<PrintLibrary>().Select(library => ("label-above-sv", library)),
        .. Enum.GetValues<PrintLibrary>().Select(library => ("qr-link-only-en", library)),
        .. Enum.GetValues<PrintLibrary>().Select(library => ("sorszama-hu", library)),
    ];

    [Theory]
    [MemberData(nameof(Readable))]
    public void The_receipt_number_is_read_from_its_layout_and_not_from_the_numbers_beside_it(string name, PrintLibrary library)
    {
        var numbered = Cases[name];
        var read = ReceiptStreamReading.Single(library, ReceiptScript.Print(library, numbered.Pages, numbered.Header + "\n" + Body));

        ReceiptStreamTests.AssertCreditedSale(read, 7.50m, numbered.Number);
    }

    [Fact]
    public void A_QR_code_printed_as_an_image_by_python_escpos_gives_no_number_to_guess_from()
    {
        var numbered = Cases["qr-link-only-en"];
        var read = ReceiptStreamReading.Single(PrintLibrary.PythonEscpos, ReceiptScript.Print(PrintLibrary.PythonEscpos, numbered.Pages, numbered.Header + "\n" + Body));

        ReceiptStreamTests.AssertCreditedSale(read, 7.50m, null);
    }

    [Theory]
    [InlineData("label-above-en", PrintLibrary.NodeThermalEpson)]
    [InlineData("label-above-en", PrintLibrary.EscPosEncoder)]
    [InlineData("label-above-en", PrintLibrary.ReceiptLine)]
    [InlineData("label-above-en", PrintLibrary.PythonEscpos)]
    [InlineData("label-above-en", PrintLibrary.NodeThermalStar)]
    [InlineData("label-above-en", PrintLibrary.StarPrnt)]
    [InlineData("label-above-de", PrintLibrary.NodeThermalEpson)]
    [InlineData("label-above-de", PrintLibrary.EscPosEncoder)]
    [InlineData("label-above-de", PrintLibrary.ReceiptLine)]
    [InlineData("label-above-de", PrintLibrary.PythonEscpos)]
    [InlineData("label-above-de", PrintLibrary.NodeThermalStar)]
    [InlineData("label-above-de", PrintLibrary.StarPrnt)]
    [InlineData("label-above-fr", PrintLibrary.NodeThermalEpson)]
    [InlineData("label-above-fr", PrintLibrary.EscPosEncoder)]
    [InlineData("label-above-fr", PrintLibrary.ReceiptLine)]
    [InlineData("label-above-fr", PrintLibrary.PythonEscpos)]
    [InlineData("label-above-fr", PrintLibrary.NodeThermalStar)]
    [InlineData("label-above-fr", PrintLibrary.StarPrnt)]
    [InlineData("label-above-sv", PrintLibrary.NodeThermalEpson)]
    [InlineData("label-above-sv", PrintLibrary.EscPosEncoder)]
    [InlineData("label-above-sv", PrintLibrary.ReceiptLine)]
    [InlineData("label-above-sv", PrintLibrary.PythonEscpos)]
    [InlineData("label-above-sv", PrintLibrary.NodeThermalStar)]
    [InlineData("label-above-sv", PrintLibrary.StarPrnt)]
    [InlineData("qr-link-only-en", PrintLibrary.NodeThermalEpson)]
    [InlineData("qr-link-only-en", PrintLibrary.EscPosEncoder)]
    [InlineData("qr-link-only-en", PrintLibrary.ReceiptLine)]
    [InlineData("qr-link-only-en", PrintLibrary.NodeThermalStar)]
    [InlineData("qr-link-only-en", PrintLibrary.StarPrnt)]
    [InlineData("sorszama-hu", PrintLibrary.NodeThermalEpson)]
    [InlineData("sorszama-hu", PrintLibrary.EscPosEncoder)]
    [InlineData("sorszama-hu", PrintLibrary.ReceiptLine)]
    [InlineData("sorszama-hu", PrintLibrary.PythonEscpos)]
    [InlineData("sorszama-hu", PrintLibrary.NodeThermalStar)]
    [InlineData("sorszama-hu", PrintLibrary.StarPrnt)]
    public void A_receipt_number_the_reader_misses_is_read_from_its_layout(string name, PrintLibrary library)
    {
        The_receipt_number_is_read_from_its_layout_and_not_from_the_numbers_beside_it(name, library);
    }
}
