using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// A receipt written as readable lines, printed the way one of the POS libraries prints it (<see cref="PrintLibrary"/>).
/// A line may start with tags: [C] centred, [B] bold, [2] double width and height, [W] double width, [H] double height,
/// [I] inverse. Cells are separated by '|' (leftRight() / table() / receiptline columns: the first left-aligned, the
/// others right-aligned). "---" is the library's rule; "[QR]data", "[CODE128]data" and "[EAN13]digits" print codes;
/// "[CUT]" ends one receipt and starts the next in the same job; "[LOGO]" prints a raster logo.
/// </summary>
internal static class ReceiptScript
{
    private const int Esc = 0x1B;
    private const int Gs = 0x1D;
    private const int Fs = 0x1C;
    private const int Lf = 0x0A;
    private const int Cr = 0x0D;
    private const int Ht = 0x09;
    private const int Rs = 0x1E;

    /// <summary>The code page a job prints in: n of ESC t (ESC/POS) and of ESC GS t (Star), with the .NET code page of each.</summary>
    internal readonly record struct Pages(int EscPos, int EscPosCodePage, int Star, int StarCodePage);

    private sealed record Row(string[] Cells, bool Center, bool Bold, int Width, int Height, bool Inverse, string? Special, string Payload);

    /// <summary>The whole job: initialise, select the code page, the lines, and a cut after each receipt.</summary>
    public static byte[] Print(PrintLibrary library, Pages pages, string script)
    {
        var rows = Parse(script);
        var star = library is PrintLibrary.NodeThermalStar or PrintLibrary.StarPrnt;
        var job = new PrintJob(star ? pages.StarCodePage : pages.EscPosCodePage);
        Start(library, pages, job);
        foreach (var row in rows)
        {
            if (row.Special == "cut")
            {
                Cut(library, job);
                Start(library, pages, job);
                continue;
            }

            Render(library, pages, job, row);
        }

        Cut(library, job);
        return job.ToArray();
    }

    private static List<Row> Parse(string script)
    {
        var rows = new List<Row>();
        foreach (var raw in script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n'))
        {
            var line = raw;
            bool center = false, bold = false, inverse = false;
            int width = 1, height = 1;
            string? special = null;
            var payload = string.Empty;
            while (line.StartsWith('['))
            {
                var end = line.IndexOf(']', StringComparison.Ordinal);
                var tag = line[1..end];
                var rest = line[(end + 1)..];
                switch (tag)
                {
                    case "C": center = true; break;
                    case "B": bold = true; break;
                    case "2": width = 2; height = 2; break;
                    case "W": width = 2; break;
                    case "H": height = 2; break;
                    case "I": inverse = true; break;
                    case "QR": special = "qr"; payload = rest; rest = string.Empty; break;
                    case "CODE128": special = "code128"; payload = rest; rest = string.Empty; break;
                    case "EAN13": special = "ean13"; payload = rest; rest = string.Empty; break;
                    case "CUT": special = "cut"; break;
                    case "LOGO": special = "logo"; break;
                    default: throw new ArgumentException($"Unknown tag [{tag}] in \"{raw}\".", nameof(script));
                }

                line = rest;
            }

            if (special is null && line.Trim() is "---")
            {
                special = "rule";
            }

            rows.Add(new Row(line.Split('|'), center, bold, width, height, inverse, special, payload));
        }

        return rows;
    }

    private static void Start(PrintLibrary library, Pages pages, PrintJob job)
    {
        switch (library)
        {
            case PrintLibrary.NodeThermalEpson:
                job.Raw(Esc, '@', Esc, 't', pages.EscPos).Use(pages.EscPosCodePage);
                break;
            case PrintLibrary.EscPosEncoder:
                job.Raw(Esc, '@').Use(437); // code page chosen per run ('auto')
                break;
            case PrintLibrary.ReceiptLine:
                // open(): ESC @ GS a 0 ESC M '0' FS ( A … ESC SP 0 FS S 0 0 ESC 3 0 ESC { 0 FS .
                job.Raw(Esc, '@', Gs, 'a', 0, Esc, 'M', '0', Fs, '(', 'A', 2, 0, 48, 0, Esc, ' ', 0, Fs, 'S', 0, 0, Esc, '3', 0, Esc, '{', 0, Fs, '.');
                break;
            case PrintLibrary.PythonEscpos:
                // Tab stops for the amount column (column 34) and, in three-column rows, the quantity (column 26).
                job.Raw(Esc, '@', Esc, 't', pages.EscPos, Esc, 'D', 26, 34, 0).Use(pages.EscPosCodePage);
                break;
            case PrintLibrary.NodeThermalStar:
                job.Raw(Esc, '@', Esc, Gs, 't', pages.Star).Use(pages.StarCodePage);
                break;
            case PrintLibrary.StarPrnt:
                job.Raw(Esc, '@', 0x18).Use(437); // code page chosen per run
                break;
        }
    }

    private static void Cut(PrintLibrary library, PrintJob job)
    {
        switch (library)
        {
            case PrintLibrary.NodeThermalEpson:
                job.Raw(Lf, Lf, Lf, Gs, 'V', 1); // partialCut()
                break;
            case PrintLibrary.EscPosEncoder:
                job.Raw(Lf, Cr, Lf, Cr, Gs, 'V', 1);
                break;
            case PrintLibrary.ReceiptLine:
                job.Raw(Gs, 'V', 'B', 0, Gs, 'r', '1'); // cut() then close()'s GS r 1
                break;
            case PrintLibrary.PythonEscpos:
                job.Raw(Lf, Lf, Lf, Lf, Lf, Lf, Gs, 'V', 0);
                break;
            case PrintLibrary.NodeThermalStar:
                job.Raw(Esc, 'd', 3);
                break;
            case PrintLibrary.StarPrnt:
                job.Raw(Lf, Cr, Esc, 'd', 1);
                break;
        }
    }

    private static void Render(PrintLibrary library, Pages pages, PrintJob job, Row row)
    {
        switch (library)
        {
            case PrintLibrary.NodeThermalEpson:
                NodeThermalEpson(job, row);
                break;
            case PrintLibrary.EscPosEncoder:
                EscPosEncoder(pages, job, row);
                break;
            case PrintLibrary.ReceiptLine:
                ReceiptLine(pages, job, row);
                break;
            case PrintLibrary.PythonEscpos:
                PythonEscpos(job, row);
                break;
            case PrintLibrary.NodeThermalStar:
                NodeThermalStar(job, row);
                break;
            case PrintLibrary.StarPrnt:
                StarPrnt(pages, job, row);
                break;
        }
    }

    private static void NodeThermalEpson(PrintJob job, Row row)
    {
        if (EscPosCode(job, row, center: true))
        {
            return;
        }

        if (row.Special == "rule")
        {
            job.Text(new string('-', 48)).Raw(Lf); // drawLine()
            return;
        }

        if (row.Center)
        {
            job.Raw(Esc, 'a', 1);
        }

        var size = (row.Height > 1 ? 0x10 : 0) | (row.Width > 1 ? 0x20 : 0);
        if (size != 0)
        {
            job.Raw(Esc, '!', size); // setTextDoubleHeight / DoubleWidth / QuadArea
        }

        if (row.Bold)
        {
            job.Raw(Esc, 'E', 1);
        }

        if (row.Inverse)
        {
            job.Raw(Gs, 'B', 1);
        }

        job.Text(Padded(row.Cells, 48 / row.Width)).Raw(Lf);
        if (row.Inverse)
        {
            job.Raw(Gs, 'B', 0);
        }

        if (row.Bold)
        {
            job.Raw(Esc, 'E', 0);
        }

        if (size != 0)
        {
            job.Raw(Esc, '!', 0);
        }

        if (row.Center)
        {
            job.Raw(Esc, 'a', 0);
        }
    }

    private static void EscPosEncoder(Pages pages, PrintJob job, Row row)
    {
        if (EscPosCode(job, row, center: true))
        {
            return;
        }

        var columns = 42;
        if (row.Special == "rule")
        {
            AutoText(job, new string('─', columns), pages.EscPos, pages.EscPosCodePage, escPos: true);
            job.Raw(Lf, Cr);
            return;
        }

        var width = columns / row.Width;
        var text = Padded(row.Cells, width);
        if (row.Center)
        {
            // The line composer aligns by padding with unstyled spaces.
            job.Text(new string(' ', Math.Max(0, (width - text.Length) / 2) * row.Width));
        }

        Style(job, row, on: true, escPos: true);
        AutoText(job, text, pages.EscPos, pages.EscPosCodePage, escPos: true);
        Style(job, row, on: false, escPos: true);
        job.Raw(Lf, Cr);
    }

    private static void ReceiptLine(Pages pages, PrintJob job, Row row)
    {
        const int cpl = 48;
        const int dots = 12;
        void Normal() => job.Raw(Esc, '-', '0', Fs, '-', '0', Esc, 'E', '0', Gs, 'B', '0', Gs, '!', 0);
        void Area() => job.Raw(Gs, 'L', 0, 0, Gs, 'W', cpl * dots & 255, cpl * dots >> 8);
        if (row.Special is "qr" or "code128" or "ean13")
        {
            Normal();
            Area();
            job.Raw(Esc, 'a', 1);
            EscPosCode(job, row, center: false);
            return;
        }

        if (row.Special == "logo")
        {
            Normal();
            Logo(job);
            return;
        }

        if (row.Special == "rule")
        {
            // hr(): FS C '0' FS . ESC t 1, then 0x95 (a horizontal line in the Katakana page).
            Normal();
            Area();
            job.Raw(Esc, 'a', 0, Fs, 'C', '0', Fs, '.', Esc, 't', 1).Raw(Enumerable.Repeat((byte)0x95, cpl).ToArray()).Raw(Lf);
            return;
        }

        var count = row.Cells.Length;
        var widths = Enumerable.Range(0, count).Select(i => (cpl - (count - 1) + i) / count).ToArray();
        Normal();
        Area();
        job.Raw(Esc, 'a', 0);
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            var cell = row.Cells[i].Trim();
            var cellWidth = cell.Length * row.Width;
            var align = count == 1 ? (row.Center ? 1 : 0) : i == 0 ? 0 : 2;
            var margin = Math.Max(0, widths[i] - cellWidth) * align / 2;
            var p = position * dots;
            var m = margin * dots;
            job.Raw(Esc, '$', p & 255, p >> 8 & 255, Esc, '\\', m & 255, m >> 8 & 255);
            Normal();
            if (row.Bold)
            {
                job.Raw(Esc, 'E', '1');
            }

            if (row.Inverse)
            {
                job.Raw(Gs, 'B', '1');
            }

            if (row.Width > 1 || row.Height > 1)
            {
                job.Raw(Gs, '!', (row.Width > 1 ? 0x10 : 0) | (row.Height > 1 ? 0x01 : 0));
            }

            job.Raw(Esc, 't', pages.EscPos).Use(pages.EscPosCodePage).Text(cell.Length == 0 ? " " : cell);
            position += widths[i] + 1;
        }

        job.Raw(Lf);
    }

    private static void PythonEscpos(PrintJob job, Row row)
    {
        if (row.Special == "qr")
        {
            // qr() prints an image unless native=True: the data never reaches the printer as text.
            job.Raw(Esc, 'a', 1);
            Logo(job);
            job.Raw(Esc, 'a', 0);
            return;
        }

        if (EscPosCode(job, row, center: true))
        {
            return;
        }

        if (row.Special == "rule")
        {
            job.Text(new string('=', 48)).Raw(Lf);
            return;
        }

        // set(align, bold, double_height, double_width, invert)
        var size = (row.Height > 1 ? 0x10 : 0) | (row.Width > 1 ? 0x20 : 0);
        job.Raw(Esc, 'a', row.Center ? 1 : 0, Esc, '!', size, Esc, 'E', row.Bold ? 1 : 0, Gs, 'B', row.Inverse ? 1 : 0);
        job.Text(string.Join('\t', row.Cells.Select(c => c.Trim()))).Raw(Lf);
        job.Raw(Esc, 'a', 0, Esc, '!', 0, Esc, 'E', 0, Gs, 'B', 0);
    }

    private static void NodeThermalStar(PrintJob job, Row row)
    {
        if (StarCode(job, row))
        {
            return;
        }

        if (row.Special == "rule")
        {
            job.Text(new string('-', 48)).Raw(Lf);
            return;
        }

        if (row.Center)
        {
            job.Raw(Esc, Gs, 'a', 1);
        }

        if (row.Width > 1 || row.Height > 1)
        {
            job.Raw(Esc, 'i', row.Height - 1, row.Width - 1);
        }

        if (row.Bold)
        {
            job.Raw(Esc, 'E');
        }

        if (row.Inverse)
        {
            job.Raw(Esc, '4');
        }

        job.Text(Padded(row.Cells, 48 / row.Width)).Raw(Lf);
        if (row.Inverse)
        {
            job.Raw(Esc, '5');
        }

        if (row.Bold)
        {
            job.Raw(Esc, 'F');
        }

        if (row.Width > 1 || row.Height > 1)
        {
            job.Raw(Esc, 'i', 0, 0);
        }

        if (row.Center)
        {
            job.Raw(Esc, Gs, 'a', 0);
        }
    }

    private static void StarPrnt(Pages pages, PrintJob job, Row row)
    {
        if (StarCode(job, row))
        {
            return;
        }

        const int columns = 48;
        if (row.Special == "rule")
        {
            AutoText(job, new string('─', columns), pages.Star, pages.StarCodePage, escPos: false);
            job.Raw(Lf, Cr);
            return;
        }

        var width = columns / row.Width;
        var text = Padded(row.Cells, width);
        if (row.Center)
        {
            job.Text(new string(' ', Math.Max(0, (width - text.Length) / 2) * row.Width));
        }

        Style(job, row, on: true, escPos: false);
        AutoText(job, text, pages.Star, pages.StarCodePage, escPos: false);
        Style(job, row, on: false, escPos: false);
        job.Raw(Lf, Cr);
    }

    /// <summary>receipt-printer-encoder's inline style: bold, size, invert around the text, reset after it.</summary>
    private static void Style(PrintJob job, Row row, bool on, bool escPos)
    {
        var sized = row.Width > 1 || row.Height > 1;
        if (escPos)
        {
            if (row.Bold)
            {
                job.Raw(Esc, 'E', on ? 1 : 0);
            }

            if (row.Inverse)
            {
                job.Raw(Gs, 'B', on ? 1 : 0);
            }

            if (sized)
            {
                job.Raw(Gs, '!', on ? ((row.Width - 1) << 4) | (row.Height - 1) : 0);
            }

            return;
        }

        if (row.Bold)
        {
            job.Raw(Esc, on ? 'E' : 'F');
        }

        if (row.Inverse)
        {
            job.Raw(Esc, on ? '4' : '5');
        }

        if (sized)
        {
            job.Raw(Esc, 'i', on ? row.Height - 1 : 0, on ? row.Width - 1 : 0);
        }
    }

    /// <summary>Codepage 'auto': each run in the job's page when it can print it, else in PC437, selecting the page mid-line.</summary>
    private static void AutoText(PrintJob job, string text, int page, int codePage, bool escPos)
    {
        var fallback = escPos ? 0 : 1; // PC437 is ESC t 0 and ESC GS t 1
        foreach (var c in text)
        {
            var s = c.ToString();
            var (n, cp) = PrintJob.CanEncode(codePage, s) ? (page, codePage) : (fallback, 437);
            if (job.CodePage != cp)
            {
                if (escPos)
                {
                    job.Raw(Esc, 't', n);
                }
                else
                {
                    job.Raw(Esc, Gs, 't', n);
                }

                job.Use(cp);
            }

            job.Text(s);
        }
    }

    /// <summary>QR codes, barcodes and logos in ESC/POS, sent through the project's own encoder; false for any other row.</summary>
    private static bool EscPosCode(PrintJob job, Row row, bool center)
    {
        switch (row.Special)
        {
            case "qr":
                job.Raw(new EscPosEncoder().Align(center ? TextAlignment.Center : TextAlignment.Left).QrCode(row.Payload).Align(TextAlignment.Left).ToArray());
                return true;
            case "code128":
                job.Raw(new EscPosEncoder().BarcodeHeight(80).BarcodeText(HriPosition.Below).Code128(row.Payload).ToArray());
                return true;
            case "ean13":
                job.Raw(new EscPosEncoder().Ean13Barcode(row.Payload).ToArray());
                return true;
            case "logo":
                Logo(job);
                return true;
            default:
                return false;
        }
    }

    private static bool StarCode(PrintJob job, Row row)
    {
        switch (row.Special)
        {
            case "qr":
                var data = System.Text.Encoding.ASCII.GetBytes(row.Payload);
                job.Raw(Esc, Gs, 'a', 1, Esc, Gs, 'y', 'S', '0', 2, Esc, Gs, 'y', 'S', '2', 6, Esc, Gs, 'y', 'S', '1', 1)
                    .Raw(Esc, Gs, 'y', 'D', '1', 0, data.Length & 255, data.Length >> 8).Raw(data)
                    .Raw(Esc, Gs, 'y', 'P', Esc, Gs, 'a', 0);
                return true;
            case "code128":
                job.Raw(Esc, 'b', 6, 2, 2, 80).Raw(System.Text.Encoding.ASCII.GetBytes(row.Payload)).Raw(Rs, Lf);
                return true;
            case "ean13":
                job.Raw(Esc, 'b', 3, 2, 2, 80).Raw(System.Text.Encoding.ASCII.GetBytes(row.Payload)).Raw(Rs, Lf);
                return true;
            case "logo":
                // ESC GS S 1 xL xH yL yH 0 d…: a raster image (Star Line Mode), 24 bytes wide, 48 rows.
                job.Raw(Esc, Gs, 'S', 1, 24, 0, 48, 0, 0).Raw(LogoBits(24 * 48));
                return true;
            default:
                return false;
        }
    }

    /// <summary>GS v 0: a raster logo of 48 × 64 dots whose bytes would read as text and commands.</summary>
    private static void Logo(PrintJob job) => job.Raw(Gs, 'v', '0', 0, 8, 0, 64, 0).Raw(LogoBits(8 * 64));

    /// <summary>Dithered-looking image bytes, including LF, ESC, GS and digits.</summary>
    public static byte[] LogoBits(int length)
    {
        var random = new Random(1234);
        var bits = new byte[length];
        random.NextBytes(bits);
        return bits;
    }

    /// <summary>leftRight() and tableCustom(): the first cell left, the others right-aligned, padded with spaces to the width.</summary>
    private static string Padded(string[] cells, int width)
    {
        var trimmed = cells.Select(c => c.Trim()).ToArray();
        if (trimmed.Length == 1)
        {
            return cells[0];
        }

        if (trimmed.Length == 2)
        {
            return trimmed[0] + new string(' ', Math.Max(1, width - trimmed[0].Length - trimmed[1].Length)) + trimmed[1];
        }

        // tableCustom: the first column half the width, the others share the rest.
        var first = width / 2;
        var other = (width - first) / (trimmed.Length - 1);
        var line = trimmed[0].PadRight(first);
        foreach (var cell in trimmed.Skip(1))
        {
            line += cell.PadLeft(other);
        }

        return line;
    }
}
