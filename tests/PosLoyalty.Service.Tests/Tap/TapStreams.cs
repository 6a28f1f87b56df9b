using System.Text;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>Printer byte streams for the tap tests: receipts with logos, barcodes and cuts, and random binary.</summary>
internal static class TapStreams
{
    public const byte Esc = 0x1B;
    public const byte Gs = 0x1D;

    /// <summary>GS V 66 0: feed and partial cut, the cut most POS drivers send.</summary>
    public static readonly byte[] Cut = [Gs, (byte)'V', 66, 0];

    /// <summary>
    /// One receipt: initialise, a raster logo whose data looks like text and cuts, text lines, a CODE128 barcode, then
    /// (when <paramref name="withCut"/>) the cut. Returns the bytes and the offset of the cut within them.
    /// </summary>
    public static (byte[] Bytes, int CutOffset) Receipt(Random random, string number, bool withCut = true)
    {
        var bytes = new List<byte> { Esc, (byte)'@' };
        int widthBytes = random.Next(1, 8);
        int height = random.Next(1, 24);
        bytes.AddRange([Gs, (byte)'v', (byte)'0', 0, (byte)widthBytes, 0, (byte)height, 0]);
        for (int i = 0; i < widthBytes * height; i++)
        {
            // Image data full of ESC, GS, 'V' and LF: a decoder that read it as commands would cut here.
            bytes.Add(i % 5 == 0 ? Gs : i % 5 == 1 ? (byte)'V' : (byte)random.Next(256));
        }

        bytes.AddRange(Encoding.ASCII.GetBytes($"\nShop\nReceipt {number}\nCoffee        3.50\nTOTAL         3.50\n"));
        byte[] code = Encoding.ASCII.GetBytes("{B" + number);
        bytes.AddRange([Gs, (byte)'k', 73, (byte)code.Length]);
        bytes.AddRange(code);
        bytes.Add((byte)'\n');
        int cutOffset = bytes.Count;
        if (withCut)
        {
            bytes.AddRange(Cut);
        }

        return ([.. bytes], cutOffset);
    }

    public static byte[] RandomBinary(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Cuts <paramref name="bytes"/> into pieces of random sizes, some of a single byte.</summary>
    public static IEnumerable<byte[]> Pieces(Random random, byte[] bytes, int maxPiece = 700)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            int size = Math.Min(bytes.Length - offset, random.Next(4) == 0 ? 1 : random.Next(1, maxPiece));
            yield return bytes[offset..(offset + size)];
            offset += size;
        }
    }

    /// <summary>The concatenation of parts.</summary>
    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
