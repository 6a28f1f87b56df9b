using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// Masks card numbers in the raw bytes of a captured receipt (`receipts capture`, docs/adr/0012-receipt-capture-over-the-panel-socket.md)
/// by the rules of <see cref="CardNumberMasker"/>: in the printed text, and in the data of barcodes (GS k) and 2D codes
/// (GS ( k). The bytes keep their length, so every command around them still reads as it did.
/// </summary>
/// <remarks>
/// Text is read between control bytes. A run right after an ESC, GS or FS command is read twice — from the command
/// byte on and from after the command byte and one argument — because a one-byte argument can be an ASCII digit
/// (<c>ESC a '1'</c>) that would otherwise join the card number and spoil its Luhn check. Known limits: digits split by
/// a command inside the number (<c>4111 ESC E 1 1111 …</c>) are not joined, and neither are digits split across lines;
/// a masked pair in CODE128 code set C (one byte for two digits, no room for '*') becomes 00.
/// </remarks>
public static class CapturedReceiptMasker
{
    private const byte Esc = 0x1B;
    private const byte Fs = 0x1C;
    private const byte Gs = 0x1D;
    private const byte Barcode = (byte)'k';      // GS k: print bar code
    private const byte TwoDimensional = (byte)'('; // GS ( k: 2D code
    private const byte StoreData = 0x50;          // GS ( k … fn 80: store the symbol's data
    private const int SetCPairs = 100;

    /// <summary>Masks in place; returns how many digits became '*' (or, in code set C, 00).</summary>
    public static int Mask(Span<byte> receipt)
    {
        var masked = MaskText(receipt);
        for (var i = 0; i + 2 < receipt.Length; i++)
        {
            if (receipt[i] != Gs)
            {
                continue;
            }

            if (receipt[i + 1] == Barcode)
            {
                masked += MaskBarcode(receipt, i);
            }
            else if (receipt[i + 1] == TwoDimensional && receipt[i + 2] == Barcode)
            {
                masked += MaskTwoDimensional(receipt, i);
            }
        }

        return masked;
    }

    private static int MaskText(Span<byte> receipt)
    {
        var masked = 0;
        var start = 0;
        for (var i = 0; i <= receipt.Length; i++)
        {
            if (i < receipt.Length && receipt[i] >= 0x20)
            {
                continue;
            }

            if (i > start)
            {
                masked += CardNumberMasker.Mask(receipt[start..i]);
                if (start > 0 && receipt[start - 1] is Esc or Gs or Fs && i > start + 2)
                {
                    masked += CardNumberMasker.Mask(receipt[(start + 2)..i]);
                }
            }

            start = i + 1;
        }

        return masked;
    }

    // GS k m d1…dk NUL (m 0–6) or GS k m n d1…dn (m 65–79). docs/architecture.md, "Device facts".
    private static int MaskBarcode(Span<byte> receipt, int at)
    {
        var m = receipt[at + 2];
        if (m <= 6)
        {
            var data = receipt[(at + 3)..];
            var end = data.IndexOf((byte)0);
            return CardNumberMasker.Mask(end < 0 ? data : data[..end]);
        }

        if (m < 65 || at + 3 >= receipt.Length)
        {
            return 0;
        }

        var n = receipt[at + 3];
        var span = receipt.Slice(at + 4, Math.Min(n, receipt.Length - (at + 4)));
        return m is 73 or 74 or 79 && span.Contains((byte)'{') ? MaskCode128(span) : CardNumberMasker.Mask(span);
    }

    // GS ( k pL pH cn fn m d1…dk: with fn 80 (store data) the data follows cn fn m.
    private static int MaskTwoDimensional(Span<byte> receipt, int at)
    {
        if (at + 7 >= receipt.Length)
        {
            return 0;
        }

        var length = receipt[at + 3] + (receipt[at + 4] * 256);
        var block = receipt.Slice(at + 5, Math.Min(length, receipt.Length - (at + 5)));
        return block.Length > 3 && block[1] == StoreData ? CardNumberMasker.Mask(block[3..]) : 0;
    }

    /// <summary>
    /// CODE128 data with code-set selections ({A {B {C): read as a scanner would (the selections print nothing, a code
    /// set C byte is two digits), masked, and written back.
    /// </summary>
    private static int MaskCode128(Span<byte> data)
    {
        var text = new List<byte>(data.Length * 2);
        var owner = new List<int>(data.Length * 2); // for each text byte, the data byte it came from
        var setC = new bool[data.Length];
        var codeC = false;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'{' && i + 1 < data.Length)
            {
                var selector = data[++i];
                codeC = selector == (byte)'C' || (codeC && selector is not ((byte)'A' or (byte)'B'));
                if (selector == (byte)'{')
                {
                    text.Add(b);
                    owner.Add(i);
                }

                continue;
            }

            if (codeC && b < SetCPairs)
            {
                setC[i] = true;
                text.Add((byte)('0' + (b / 10)));
                owner.Add(i);
                text.Add((byte)('0' + (b % 10)));
                owner.Add(i);
            }
            else
            {
                text.Add(b);
                owner.Add(i);
            }
        }

        var before = text.ToArray();
        var read = text.ToArray();
        if (CardNumberMasker.Mask(read) == 0)
        {
            return 0;
        }

        var masked = 0;
        for (var k = 0; k < read.Length; k++)
        {
            if (read[k] == before[k])
            {
                continue;
            }

            var i = owner[k];
            data[i] = setC[i] ? (byte)0 : (byte)'*';
            masked++;
        }

        return masked;
    }
}
