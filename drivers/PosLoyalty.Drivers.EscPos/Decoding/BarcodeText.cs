using System.Text;

namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>Turns barcode command data into the text a scanner would read.</summary>
internal static class BarcodeText
{
    /// <summary>GS k m. Epson ESC/POS Command Reference, GS k "Print bar code", functions A (m 0–6) and B (m 65–79).</summary>
    public static BarcodeSymbology FromEscPos(int m) => m switch
    {
        0 or 65 => BarcodeSymbology.UpcA,
        1 or 66 => BarcodeSymbology.UpcE,
        2 or 67 => BarcodeSymbology.Ean13,
        3 or 68 => BarcodeSymbology.Ean8,
        4 or 69 => BarcodeSymbology.Code39,
        5 or 70 => BarcodeSymbology.Itf,
        6 or 71 => BarcodeSymbology.Codabar,
        72 => BarcodeSymbology.Code93,
        73 or 79 => BarcodeSymbology.Code128,
        74 => BarcodeSymbology.Gs1128,
        75 or 76 or 77 or 78 => BarcodeSymbology.Gs1DataBar,
        _ => BarcodeSymbology.Unknown,
    };

    /// <summary>GS ( k cn. Epson ESC/POS Command Reference, GS ( k "Set up and print the symbol".</summary>
    public static BarcodeSymbology FromTwoDimensional(int cn) => cn switch
    {
        48 => BarcodeSymbology.Pdf417,
        49 => BarcodeSymbology.QrCode,
        50 => BarcodeSymbology.MaxiCode,
        51 => BarcodeSymbology.Gs1DataBar,
        53 => BarcodeSymbology.Aztec,
        54 => BarcodeSymbology.DataMatrix,
        _ => BarcodeSymbology.Unknown,
    };

    /// <summary>The data as text; CODE128 and GS1-128 data loses its "{A"/"{B"/"{C" code-set selections (and "{C" pairs become digits).</summary>
    public static string Decode(ReadOnlySpan<byte> data, BarcodeSymbology symbology)
    {
        if (symbology is not (BarcodeSymbology.Code128 or BarcodeSymbology.Gs1128) || data.IndexOf((byte)'{') < 0)
        {
            return Latin1(data);
        }

        var text = new StringBuilder(data.Length * 2);
        bool codeC = false;
        for (int i = 0; i < data.Length; i++)
        {
            byte b = data[i];
            if (b == (byte)'{' && i + 1 < data.Length)
            {
                byte selector = data[++i];
                switch (selector)
                {
                    case (byte)'A' or (byte)'B':
                        codeC = false;
                        break;
                    case (byte)'C':
                        codeC = true;
                        break;
                    case (byte)'{':
                        text.Append('{');
                        break;
                    default:
                        // {1 {2 {3 {4 (FNC), {S (shift): no character of their own.
                        break;
                }

                continue;
            }

            if (codeC && b <= 99)
            {
                text.Append((char)('0' + (b / 10))).Append((char)('0' + (b % 10)));
            }
            else
            {
                text.Append(Printable(b));
            }
        }

        return text.ToString();
    }

    public static string Latin1(ReadOnlySpan<byte> data)
    {
        return string.Create(data.Length, data.ToArray(), static (chars, bytes) =>
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = Printable(bytes[i]);
            }
        });
    }

    private static char Printable(byte b) => b < 0x20 || b == 0x7F ? '?' : (char)b;
}
