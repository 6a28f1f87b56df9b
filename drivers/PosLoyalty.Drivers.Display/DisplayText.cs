using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace PosLoyalty.Drivers.Display;

/// <summary>
/// Encodes text for a display's code page: characters the page has are sent as they are, the rest are
/// transliterated to ASCII (ß → ss, ø → o, accents stripped via Unicode decomposition), anything else is '?'.
/// Control characters never pass: a customer name cannot inject a display command.
/// </summary>
internal sealed class DisplayText
{
    private const byte Unknown = (byte)'?';

    private readonly FrozenDictionary<char, byte> page;

    public DisplayText(int codePage)
    {
        // PC437, PC850, PC858, PC866 … are not built into .NET; the provider supplies them. Registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"Code page {codePage} is not known to .NET's code page provider.", nameof(codePage), e);
        }

        if (!encoding.IsSingleByte)
        {
            throw new ArgumentException($"Code page {codePage} is not a single-byte code page; a pole display needs one.", nameof(codePage));
        }

        // Printable bytes only: 0x00–0x1F and 0x7F are commands or undefined on these displays.
        var map = new Dictionary<char, byte>();
        Span<char> decoded = stackalloc char[2];
        for (var b = 0x20; b <= 0xFF; b++)
        {
            if (b == 0x7F)
            {
                continue;
            }

            var n = encoding.GetChars([(byte)b], decoded);
            if (n == 1 && !char.IsControl(decoded[0]) && decoded[0] != '\uFFFD')
            {
                map.TryAdd(decoded[0], (byte)b);
            }
        }

        page = map.ToFrozenDictionary();
    }

    /// <summary>Encodes <paramref name="text"/> and pads with spaces or truncates to exactly <paramref name="width"/> bytes.</summary>
    public byte[] Encode(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new List<byte>(width + 4);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (output.Count >= width)
            {
                break;
            }

            Append(rune, output);
        }

        var line = new byte[width];
        line.AsSpan().Fill((byte)' ');
        var count = Math.Min(width, output.Count);
        for (var i = 0; i < count; i++)
        {
            line[i] = output[i];
        }

        return line;
    }

    private static string? Transliteration(int value) => value switch
    {
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' or 'ð' => "d",
        'Đ' or 'Ð' => "D",
        'þ' => "th",
        'Þ' => "Th",
        'ı' => "i",
        '\u00A0' or '\u2007' or '\u202F' => " ",
        '\u2018' or '\u2019' or '\u201A' or '\u2032' => "'",
        '\u201C' or '\u201D' or '\u201E' or '\u2033' => "\"",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => "-",
        '\u2026' => "...",
        '\u20AC' => "EUR",
        _ => null,
    };

    private void Append(Rune rune, List<byte> output)
    {
        if (rune.IsBmp && page.TryGetValue((char)rune.Value, out var b))
        {
            output.Add(b);
            return;
        }

        if (Transliteration(rune.Value) is { } replacement && TryAppendAll(replacement, output))
        {
            return;
        }

        // Decompose (é → e + U+0301) and keep what the page has, dropping the combining marks.
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        var before = output.Count;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!page.TryGetValue(c, out var part))
            {
                output.RemoveRange(before, output.Count - before);
                break;
            }

            output.Add(part);
        }

        if (output.Count == before)
        {
            output.Add(Unknown);
        }
    }

    private bool TryAppendAll(string text, List<byte> output)
    {
        var before = output.Count;
        foreach (var c in text)
        {
            if (!page.TryGetValue(c, out var b))
            {
                output.RemoveRange(before, output.Count - before);
                return false;
            }

            output.Add(b);
        }

        return true;
    }
}
