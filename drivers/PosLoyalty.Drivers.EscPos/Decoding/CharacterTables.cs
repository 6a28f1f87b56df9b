using System.Text;
using TextEncoding = System.Text.Encoding;

namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// Byte-to-character tables for single-byte code pages, built once per code page per decoder and then
/// looked up per byte (no per-byte decoding call). '\0' in a table means "prints nothing".
/// </summary>
internal sealed class CharacterTables
{
    /// <summary>Pseudo code page for Epson/Star "Katakana" (JIS X 0201 plus block graphics), which .NET lacks.</summary>
    public const int Katakana = -1;

    // The 12 code points that ESC R replaces. Epson ESC/POS Command Reference, ESC R
    // "Select an international character set", character table.
    private static ReadOnlySpan<byte> InternationalPositions =>
        [0x23, 0x24, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7E];

    private readonly Dictionary<int, char[]> _codePages = [];
    private readonly Dictionary<long, char[]> _combined = [];

    public CharacterTables()
    {
        // The IBM/OEM code pages (437, 850, 858 …) are not built into .NET; the provider adds them.
        TextEncoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The table for a code page with an international character set applied on top.</summary>
    public char[] Get(int codePage, int internationalSet)
    {
        string? replacements = InternationalReplacements(internationalSet);
        if (replacements is null)
        {
            internationalSet = 0;
        }

        long key = ((long)codePage << 16) | (uint)internationalSet;
        if (_combined.TryGetValue(key, out char[]? table))
        {
            return table;
        }

        char[] basePage = GetCodePage(codePage);
        if (replacements is null)
        {
            table = basePage;
        }
        else
        {
            table = (char[])basePage.Clone();
            for (int i = 0; i < InternationalPositions.Length; i++)
            {
                table[InternationalPositions[i]] = replacements[i];
            }
        }

        // Bounded: the selectable code pages (a fixed list) times the 17 sets that replace anything.
        _combined[key] = table;
        return table;
    }

    private char[] GetCodePage(int codePage)
    {
        if (_codePages.TryGetValue(codePage, out char[]? table))
        {
            return table;
        }

        table = codePage == Katakana ? BuildKatakana() : Build(codePage) ?? Build(437) ?? BuildAscii();
        _codePages[codePage] = table;
        return table;
    }

    private static char[]? Build(int codePage)
    {
        TextEncoding encoding;
        try
        {
            encoding = TextEncoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("?"));
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }

        if (!encoding.IsSingleByte)
        {
            return null;
        }

        char[] table = new char[256];
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[4];
        for (int b = 0x20; b < 256; b++)
        {
            one[0] = (byte)b;
            int count = encoding.GetChars(one, decoded);
            char c = count == 1 ? decoded[0] : '?';
            table[b] = Printable(c);
        }

        return table;
    }

    private static char[] BuildAscii()
    {
        char[] table = new char[256];
        for (int b = 0x20; b < 0x7F; b++)
        {
            table[b] = (char)b;
        }

        for (int b = 0x80; b < 256; b++)
        {
            table[b] = '?';
        }

        return table;
    }

    // Epson ESC/POS Command Reference, character code table "Page 1 [Katakana]": 0x80–0x9F block and
    // line graphics, 0xA1–0xDF half-width katakana (JIS X 0201). Star's "Katakana" table is the same layout.
    private static char[] BuildKatakana()
    {
        const string graphics80 = "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉┼┴┬┤├▔─│▕┌┐└┘╭╮╰╯";
        char[] table = BuildAscii();
        for (int i = 0; i < graphics80.Length; i++)
        {
            table[0x80 + i] = graphics80[i];
        }

        table[0xA0] = ' ';
        for (int b = 0xA1; b <= 0xDF; b++)
        {
            table[b] = (char)(0xFF61 + (b - 0xA1));
        }

        return table;
    }

    private static char Printable(char c) => c switch
    {
        '\u00A0' => ' ',
        _ when char.IsControl(c) => '\0',
        _ => c,
    };

    // Epson ESC/POS Command Reference, ESC R: the characters at 23 24 40 5B 5C 5D 5E 60 7B 7C 7D 7E
    // for each international character set n. U.S.A. (0) and unknown n replace nothing.
    private static string? InternationalReplacements(int set) => set switch
    {
        1 => "#$à°ç§^`éùè¨",     // France
        2 => "#$§ÄÖÜ^`äöüß",     // Germany
        3 => "£$@[\\]^`{|}~",     // U.K.
        4 => "#$@ÆØÅ^`æøå~",     // Denmark I
        5 => "#¤ÉÄÖÅÜéäöåü",     // Sweden
        6 => "#$@°\\é^ùàòèì",     // Italy
        7 => "₧$@¡Ñ¿^`¨ñ}~",      // Spain I
        8 => "#$@[¥]^`{|}~",      // Japan
        9 => "#¤ÉÆØÅÜéæøåü",     // Norway
        10 => "#$ÉÆØÅÜéæøåü",    // Denmark II
        11 => "#$á¡Ñ¿é`íñóú",     // Spain II
        12 => "#$á¡Ñ¿éüíñóú",     // Latin America
        13 => "#$@[₩]^`{|}~",     // Korea
        14 => "#$ŽŠĐĆČžšđćč",     // Slovenia / Croatia
        15 => "#¥@[\\]^`{|}~",    // China
        16 => "#₫@[\\]^`{|}~",    // Vietnam
        _ => null,
    };
}
