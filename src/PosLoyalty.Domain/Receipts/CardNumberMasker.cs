using System.Text;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Masks payment card numbers in receipt text (docs/architecture.md, "Rules that keep data safe"): every Luhn-valid run of 13–19 digits, its digits
/// optionally separated by single spaces or dashes, keeps only its last four digits; the other digits become '*'
/// and the separators stay, so "4111 1111 1111 1111" reads "**** **** **** 1111". Digit runs that fail Luhn
/// (receipt numbers, most EANs, dates, phone numbers), and runs that start with 0 (no card number does), are left alone. Runs longer than 19 digits are checked
/// group by group, so a card number printed next to another number is still found.
/// </summary>
public static class CardNumberMasker
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;
    private const int KeptDigits = 4;

    // Stands for a byte above 0x7F: neither a digit nor a separator in any code page's reading of the rules.
    private const char NotText = '\uFFFD';

    /// <summary>The text with every card number masked; the same string when there is none.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? masked = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var end = RunEnd(text, i);
            MaskRun(text, i, end, ref masked);
            i = end;
        }

        return masked?.ToString() ?? text;
    }

    /// <summary>
    /// Masks card numbers in place in bytes read as ASCII, by the same rules as <see cref="Mask(string)"/>: each
    /// digit but the last four of every Luhn-valid run becomes <c>'*'</c>. Only the bytes '0'–'9', space and '-' take
    /// part; every other byte (a control byte, a command, a character above 0x7F in any code page) ends a run. The
    /// bytes keep their length. Returns how many digits were masked.
    /// </summary>
    public static int Mask(Span<byte> ascii)
    {
        // One char per byte, so the text rules apply unchanged and a masked char is a masked byte.
        var chars = new char[ascii.Length];
        for (var i = 0; i < ascii.Length; i++)
        {
            var b = ascii[i];
            chars[i] = b < 0x80 ? (char)b : NotText;
        }

        var text = new string(chars);
        var masked = Mask(text);
        if (ReferenceEquals(masked, text))
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < ascii.Length; i++)
        {
            if (masked[i] != text[i])
            {
                ascii[i] = (byte)'*';
                count++;
            }
        }

        return count;
    }

    /// <summary>True when the digits (13–19 of them) pass the Luhn check.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length is < MinDigits or > MaxDigits)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var k = digits.Length - 1; k >= 0; k--)
        {
            if (!char.IsAsciiDigit(digits[k]))
            {
                return false;
            }

            var d = digits[k] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>The end (exclusive) of the digit run starting at <paramref name="start"/>: digits joined by at most one separator.</summary>
    private static int RunEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            else if (IsSeparator(text[i]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '\u00A0' or '\u202F';

    private static void MaskRun(string text, int start, int end, ref StringBuilder? masked)
    {
        // Groups: maximal digit spans inside the run, split at separators.
        var groups = new List<(int Start, int End)>();
        var g = start;
        for (var i = start; i <= end; i++)
        {
            if (i == end || !char.IsAsciiDigit(text[i]))
            {
                groups.Add((g, i));
                g = i + 1;
            }
        }

        for (var first = 0; first < groups.Count; first++)
        {
            if (text[groups[first].Start] == '0')
            {
                // No payment card number starts with 0 (ISO/IEC 7812: major industry identifier 0 is not issued to
                // card schemes), but invoice numbers often do: "T001-2026-000815" is a receipt number, not a card.
                continue;
            }

            var digits = new StringBuilder();
            for (var last = first; last < groups.Count; last++)
            {
                digits.Append(text, groups[last].Start, groups[last].End - groups[last].Start);
                if (digits.Length > MaxDigits)
                {
                    break;
                }

                if (digits.Length >= MinDigits && IsLuhnValid(digits.ToString()))
                {
                    masked ??= new StringBuilder(text);
                    MaskSpan(text, groups[first].Start, groups[last].End, masked);
                }
            }
        }
    }

    private static void MaskSpan(string text, int start, int end, StringBuilder masked)
    {
        var keep = KeptDigits;
        for (var i = end - 1; i >= start; i--)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            if (keep > 0)
            {
                keep--;
            }
            else
            {
                masked[i] = '*';
            }
        }
    }
}
