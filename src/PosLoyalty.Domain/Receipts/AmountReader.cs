using System.Globalization;
using System.Text.RegularExpressions;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Reads the amount printed at the end of a line: 1,234.56 · 1.234,56 · 1 234,56 (also with no-break spaces)
/// · 1'234.56 · 1234, a currency sign before or after, a leading or trailing minus, and a VAT class letter
/// after it ("1,99 A").
/// </summary>
internal sealed class AmountReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Regex _number = new(
        @"(?:\d{1,3}(?:[ \u00A0\u202F'’.,]\d{3})+|\d+)(?:[.,]\d{1,2})?[.,]?$",
        RegexOptions.CultureInvariant,
        Timeout);

    private readonly DecimalSeparatorRule _rule;
    private readonly (string Sign, string Code)[] _symbols;

    // The same signs grouped by their last character, longest first: a line's end is compared with a handful.
    private readonly Dictionary<char, (string Sign, string Code)[]> _symbolsByLastChar;

    public AmountReader(ReceiptProfile profile)
    {
        _rule = profile.DecimalSeparator;
        _symbols = profile.CurrencySymbols
            .OrderByDescending(pair => pair.Key.Length)
            .Select(pair => (pair.Key, pair.Value))
            .ToArray();
        _symbolsByLastChar = _symbols.Where(symbol => symbol.Sign.Length > 0).GroupBy(symbol => symbol.Sign[^1]).ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>The amount at the end of the line, or null when the line does not end in one.</summary>
    public PrintedAmount? Read(string line)
    {
        var end = line.TrimEnd().Length;
        var negative = false;
        string? currency = null;
        for (var step = 0; step < 5; step++)
        {
            end = TrimSpaces(line, end);
            if (end > 0 && line[end - 1] == ')' && (end < 2 || line[end - 2] != '('))
            {
                // "8,15)" (a Brazilian cupom fiscal's item amounts) and "(50.50)" (an amount taken off).
                end--;
                var open = line.LastIndexOf('(', end - 1);
                negative |= open >= 0 && line[(open + 1)..end].Trim().TrimStart('-', '−').All(c => char.IsAsciiDigit(c) || c is '.' or ',' or ' ');
            }
            else if (end > 0 && line[end - 1] is '-' or '−')
            {
                negative = true;
                end--;
            }
            else if (currency is null && EndsWithSymbol(line, end) is { } symbol)
            {
                currency = symbol.Code;
                end -= symbol.Sign.Length;
            }
            else if (step == 0 && end >= 2 && line[end - 1] is (>= 'A' and <= 'H') or '*' && (line[end - 2] == ' ' || char.IsAsciiDigit(line[end - 2])))
            {
                // A VAT class printed after the amount: "1,99 A", "12,50B".
                end--;
            }
            else
            {
                break;
            }
        }

        var head = line[..end];
        // The number can only start after the last character that is neither a digit nor a separator: search there.
        var from = end;
        while (from > 0 && (char.IsAsciiDigit(head[from - 1]) || head[from - 1] is ' ' or '\u00A0' or '\u202F' or '\'' or '’' or '.' or ','))
        {
            from--;
        }

        var match = _number.Match(head, from, end - from);
        if (!match.Success)
        {
            return null;
        }

        var start = match.Index;
        if (start > 0)
        {
            var before = head[start - 1];
            if (before is ':' or '/' or '.' or ',' or '#' or '%' or '_' or '°' or 'º' || (char.IsLetter(before) && EndsWithSymbol(head, start) is null)
                || (before == '*' && start >= 2 && head[start - 2] == '*'))
            {
                return null; // part of a time, a date, a reference, a code or a masked card ("****1234")
            }

            if (before is '-' or '−')
            {
                if (start >= 2 && char.IsAsciiDigit(head[start - 2]))
                {
                    return null; // 2026-11-02
                }

                negative = true;
                start--;
            }
        }

        var prefix = TrimSpaces(head, start);
        if (currency is null && EndsWithSymbol(head, prefix) is { } leading)
        {
            currency = leading.Code;
            start = prefix - leading.Sign.Length;
            prefix = TrimSpaces(head, start);
            if (prefix > 0 && head[prefix - 1] is '-' or '−' && (prefix == 1 || head[prefix - 2] == ' '))
            {
                negative = true;
                start = prefix - 1;
            }
        }

        var gapEnd = start;
        var gapStart = TrimSpaces(head, start);
        var digits = match.Value;
        var truncated = digits[^1] is '.' or ',';
        var (value, hasDecimals) = truncated ? (null, false) : Parse(digits);
        if (value is null && !truncated)
        {
            return null;
        }

        return new PrintedAmount(
            negative && value is { } v ? -v : value,
            digits,
            start,
            currency,
            hasDecimals,
            gapEnd - gapStart,
            truncated,
            negative);
    }

    /// <summary>The line is nothing but an amount (and its sign and currency).</summary>
    public PrintedAmount? ReadAlone(string line)
    {
        var amount = Read(line);
        // "=1 250.00", "*125,50", ": 12.50" below their label still stand alone.
        return amount is not null && !line[..amount.Start].Any(char.IsLetterOrDigit) ? amount : null;
    }

    /// <summary>The first currency sign found anywhere in the line (standing alone as a word), or null.</summary>
    public string? FindCurrency(string line)
    {
        foreach (var (sign, code) in _symbols)
        {
            var at = line.IndexOf(sign, StringComparison.Ordinal);
            while (at >= 0)
            {
                var beforeOk = at == 0 || !char.IsLetter(line[at - 1]) || !char.IsLetter(sign[0]);
                var afterAt = at + sign.Length;
                var afterOk = afterAt >= line.Length || !char.IsLetter(line[afterAt]) || !char.IsLetter(sign[^1]);
                if (beforeOk && afterOk)
                {
                    return code;
                }

                at = line.IndexOf(sign, at + 1, StringComparison.Ordinal);
            }
        }

        return null;
    }

    /// <summary>Parses digits with separators as the profile's rule says; null when they do not make a number.</summary>
    public (decimal? Value, bool HasDecimals) Parse(string digits)
    {
        var lastPoint = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        var last = Math.Max(lastPoint, lastComma);
        var decimalAt = -1;
        if (last >= 0)
        {
            var fraction = digits.Length - last - 1;
            var separator = digits[last];
            var isDecimal = _rule switch
            {
                DecimalSeparatorRule.Point => separator == '.',
                DecimalSeparatorRule.Comma => separator == ',',
                _ => fraction is 1 or 2,
            };
            if (isDecimal)
            {
                if (digits.Count(c => c == separator) > 1 || fraction is < 1 or > 3)
                {
                    return (null, false);
                }

                decimalAt = last;
            }
            else if (fraction != 3)
            {
                return (null, false);
            }
        }

        var plain = new System.Text.StringBuilder(digits.Length);
        for (var i = 0; i < digits.Length; i++)
        {
            if (char.IsAsciiDigit(digits[i]))
            {
                plain.Append(digits[i]);
            }
            else if (i == decimalAt)
            {
                plain.Append('.');
            }
        }

        return decimal.TryParse(plain.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (value, decimalAt >= 0)
            : (null, false);
    }

    private static int TrimSpaces(string text, int end)
    {
        while (end > 0 && text[end - 1] is ' ' or '\u00A0' or '\u202F' or '\u2007' or '\t')
        {
            end--;
        }

        return end;
    }

    private (string Sign, string Code)? EndsWithSymbol(string text, int end)
    {
        if (end <= 0 || !_symbolsByLastChar.TryGetValue(text[end - 1], out var candidates))
        {
            return null;
        }

        foreach (var (sign, code) in candidates)
        {
            if (end < sign.Length || string.CompareOrdinal(text, end - sign.Length, sign, 0, sign.Length) != 0)
            {
                continue;
            }

            var before = end - sign.Length - 1;
            if (char.IsLetter(sign[0]) && before >= 0 && char.IsLetter(text[before]))
            {
                continue; // "Kr" inside "Kringle"
            }

            return (sign, code);
        }

        return null;
    }
}
