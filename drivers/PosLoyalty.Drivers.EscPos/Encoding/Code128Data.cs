namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Builds the d1…dn of <c>GS k 73 n d1…dn</c> (CODE128). Epson ESC/POS Command Reference, GS k,
/// "When CODE128 (m = 73) is used": the data starts with a code set selection — {A, {B or {C —
/// code set C takes one byte (0–99) per pair of digits, and a '{' character is sent as {{.
/// </summary>
internal static class Code128Data
{
    private const byte Brace = (byte)'{';
    private const byte CodeSetB = (byte)'B';
    private const byte CodeSetC = (byte)'C';

    /// <summary>
    /// Set C for digit runs where it is shorter (4 or more digits, or a text that is only an even
    /// number of digits), set B for everything else. An odd run gives its extra digit to set B on
    /// the side that saves a switch.
    /// </summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new ArgumentException("CODE128 data is empty.", nameof(text));
        }

        foreach (var c in text)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"CODE128 data may hold printable ASCII only; \"{text}\" has U+{(int)c:X4}.", nameof(text));
            }
        }

        var output = new List<byte>(text.Length + 8);
        byte? current = null;
        var i = 0;
        while (i < text.Length)
        {
            var run = DigitRunLength(text, i);
            var atStart = i == 0;
            var atEnd = i + run == text.Length;
            var useC = run >= 4 || (atStart && atEnd && run >= 2 && run % 2 == 0);
            if (!useC)
            {
                var length = Math.Max(run, 1);
                for (var k = 0; k < length; k++)
                {
                    Switch(output, ref current, CodeSetB);
                    AppendB(output, text[i + k]);
                }

                i += length;
                continue;
            }

            if (run % 2 == 1 && !atStart)
            {
                // Preceded by set B text: send the odd digit there, then switch.
                Switch(output, ref current, CodeSetB);
                AppendB(output, text[i]);
                i++;
                run--;
            }

            var pairs = run / 2;
            Switch(output, ref current, CodeSetC);
            for (var k = 0; k < pairs; k++)
            {
                output.Add((byte)(((text[i] - '0') * 10) + (text[i + 1] - '0')));
                i += 2;
            }

            // An odd run at the start leaves its last digit for set B, which follows anyway.
        }

        return [.. output];
    }

    /// <summary>
    /// Width of the printed symbol in modules: start, one symbol per data character, digit pair
    /// or code set switch, check symbol (11 modules each), and the 13-module stop pattern.
    /// </summary>
    public static int ModuleCount(ReadOnlySpan<byte> encoded)
    {
        var symbols = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            // "{B" / "{C" and the escaped "{{" are one symbol each.
            if (encoded[i] == Brace && i + 1 < encoded.Length)
            {
                i++;
            }

            symbols++;
        }

        // The first "{X" is the start symbol; add the check symbol, then the stop pattern.
        return ((symbols + 1) * 11) + 13;
    }

    private static int DigitRunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static void Switch(List<byte> output, ref byte? current, byte codeSet)
    {
        if (current != codeSet)
        {
            output.Add(Brace);
            output.Add(codeSet);
            current = codeSet;
        }
    }

    private static void AppendB(List<byte> output, char c)
    {
        output.Add((byte)c);
        if (c == '{')
        {
            output.Add(Brace);
        }
    }
}
