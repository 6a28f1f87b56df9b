using System.Text.RegularExpressions;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Finds the receipt number: first after a receipt label ("Bon-Nr", "Rg.-Nr.", "Fiş No", "COO"), then after an order
/// or transaction label ("Order", "Pedido"), then after a bare "No", "Nr", "№" or "#" — each time ruling out the
/// numbers that sit beside it on real receipts: table numbers, TSE and fiscal counters, tax ids, phone numbers,
/// card numbers (already masked), registers and cashiers. A barcode whose payload carries the number confirms it.
/// </summary>
internal sealed class ReceiptNumberFinder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // What may follow a label before the number: "#", ":", "No", "Nr.", "n°", "č.", "№".
    private const string Joiner = @"[\s#:.°º№\-/]*(?:(?:NO|NR|NRO|NUM|NUMBER|NUMMER|NUMERO|N|C|CIS|CISLO|SZ|№)(?![\p{L}])[\s#:.°º№\-]*)?";
    private const string Value = @"(?<n>\d[\w\-/]*|[A-Z]{1,4}[\-/]?\d[\w\-/]*)";

    private readonly Regex? _receipt;
    private readonly Regex? _order;
    private readonly LabelSet _receiptLabels;
    private readonly LabelSet _orderLabels;
    private readonly Regex _bare = new(@"(?<![\p{L}\p{N}])(?:NO|NR|NRO|N|№|#|°)(?![\p{L}])\s*[.:°º]?\s*[#:]?\s*" + Value + @"(?<after>\s*,\s*\p{L})?", RegexOptions.CultureInvariant, Timeout);
    private readonly LabelSet _decoys;

    public ReceiptNumberFinder(ReceiptProfile profile)
    {
        _receipt = Compile(profile.ReceiptNumberLabels);
        _order = Compile(profile.OrderNumberLabels);
        _receiptLabels = new LabelSet(profile.ReceiptNumberLabels);
        _orderLabels = new LabelSet(profile.OrderNumberLabels);
        _decoys = new LabelSet(profile.NumberDecoyLabels.Concat(profile.TableLabels));
    }

    /// <summary>The number and the line it is on, and why; null when no usable number is printed.</summary>
    public (string Number, int Line, string Evidence)? Find(string[] folded, IReadOnlyList<string> barcodes)
    {
        foreach (var (regex, labels, what) in new[] { (_receipt, _receiptLabels, "receipt label"), (_order, _orderLabels, "order label"), (_bare, null, "No/Nr/#") })
        {
            if (regex is null)
            {
                continue;
            }

            for (var i = 0; i < folded.Length; i++)
            {
                if (labels is not null && !labels.MayMatch(folded[i]))
                {
                    continue;
                }

                foreach (Match match in regex.Matches(folded[i]))
                {
                    var number = match.Groups["n"].Value.TrimEnd('-', '/', '.');
                    var bare = ReferenceEquals(regex, _bare);
                    // A bare "No 8, Jalan …" is an address; a bare number needs three digits to stand for a receipt.
                    if (bare && (match.Groups["after"].Success || number.Count(char.IsAsciiDigit) < 3))
                    {
                        continue;
                    }

                    if (Usable(number) && !DecoyBefore(folded[i], match.Index))
                    {
                        var inBarcode = barcodes.Any(code => code.Contains(number.TrimStart('0'), StringComparison.OrdinalIgnoreCase) && number.TrimStart('0').Length > 0);
                        return (number, i, what + (inBarcode ? ", also in the barcode" : string.Empty));
                    }
                }
            }
        }

        // "Receipt No.:" on a line of its own, the number alone on the next line.
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            if (LabelAlone(folded[i]) && NextNonBlank(folded, i) is { } next && Regex.Match(folded[next].Trim(), "^" + Value + "$", RegexOptions.CultureInvariant, Timeout) is { Success: true } alone
                && Usable(alone.Groups["n"].Value) && alone.Groups["n"].Value.Count(char.IsAsciiDigit) >= 2)
            {
                return (alone.Groups["n"].Value, next, "receipt label on the line above");
            }
        }

        // A link in a QR code that names the receipt: "…/receipt?id=88123", "…&bon=4711".
        foreach (var code in barcodes)
        {
            var query = Regex.Match(code, @"[?&](?:id|receipt|receiptid|r|nr|no|num|bon|beleg|ticket|invoice|doc|fiscal|chave)=(?<n>[A-Za-z0-9\-]{3,40})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
            if (code.Contains("://", StringComparison.Ordinal) && query.Success && query.Groups["n"].Value.Count(char.IsAsciiDigit) >= 3 && query.Groups["n"].Value.Length <= 24)
            {
                return (query.Groups["n"].Value.ToUpperInvariant(), -1, "the link in the QR code");
            }
        }

        // Nothing printed: a short barcode of letters and digits (not a product code, not a link) carries the number.
        var codes = barcodes.Where(code => code.Length is >= 4 and <= 24 && code.Count(char.IsAsciiDigit) >= 4
            && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !(code.Length is 8 or 12 or 13 && code.All(char.IsAsciiDigit))).Distinct().ToList();
        return codes.Count == 1 ? (codes[0], -1, "the barcode") : null;
    }

    /// <summary>True when the line carries a receipt or order number label with a number: not an item.</summary>
    public bool Mentions(string folded) =>
        (_receiptLabels.MayMatch(folded) && (_receipt?.IsMatch(folded) ?? false)) || (_orderLabels.MayMatch(folded) && (_order?.IsMatch(folded) ?? false));

    private static Regex? Compile(IReadOnlyList<string> labels)
    {
        var alternatives = labels
            .Select(TextFolding.Fold)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(l => l.Length)
            .Select(l => string.Join(@"[\s\-.]*", l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToArray();
        return alternatives.Length == 0
            ? null
            : new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}])" + Joiner + Value, RegexOptions.CultureInvariant, Timeout);
    }

    /// <summary>True when the line is a receipt label and nothing else but punctuation ("Receipt No.:", "Bon-Nr.").</summary>
    private bool LabelAlone(string folded)
    {
        var core = folded.Trim(' ', ':', '#', '.', '*', '-', '=');
        if (core.Length == 0 || core.Any(char.IsAsciiDigit) || !_receiptLabels.MayMatch(core))
        {
            return false;
        }

        var label = _receiptLabels.First(core);
        if (label is null || label.Index != 0)
        {
            return false;
        }

        // What may follow the label: "No", "Nr.", "N°", "#", ":".
        var rest = core[label.Length..].Trim(' ', ':', '#', '.', '°', '-');
        return rest.Length == 0 || rest is "NO" or "NR" or "NRO" or "N" or "NUMBER" or "NUMMER" or "NUMERO" or "DE TICKET" or "CISLO" or "SZAM";
    }

    private static int? NextNonBlank(string[] lines, int i)
    {
        for (var j = i + 1; j < lines.Length && j <= i + 2; j++)
        {
            if (!string.IsNullOrWhiteSpace(lines[j]))
            {
                return j;
            }
        }

        return null;
    }

    /// <summary>A number, not a masked card, a date, a time or a phone number.</summary>
    private static bool Usable(string number)
    {
        if (number.Length == 0 || number.Contains('*', StringComparison.Ordinal) || !number.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = number.Count(char.IsAsciiDigit);
        return digits <= 20 && !Regex.IsMatch(number, @"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$", RegexOptions.CultureInvariant, Timeout);
    }

    /// <summary>True when the word just before the number says it is something else: "Tisch #9", "Kasse Nr 2", "Karta No:".</summary>
    private bool DecoyBefore(string folded, int index)
    {
        var word = Regex.Match(folded[..index], @"(?<w>[\p{L}][\p{L}\-/.]*)[\s:.#\-]*$", RegexOptions.CultureInvariant, Timeout);
        if (!word.Success)
        {
            return false;
        }

        var w = word.Groups["w"].Value.Trim('.', '-', '/');
        return w.Length > 0 && _decoys.First(w) is { } decoy && decoy.Index + decoy.Length == w.Length;
    }
}
