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
    private readonly Regex _bare = new(@"(?<![\p{L}\p{N}])(?:NO|NR|NRO|N|№|#|°)(?![\p{L}])\s*[.:°º]?\s*[#:]?\s*" + Value + @"(?<after>\s*,\s*\p{L})?", RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
    private readonly LabelSet _decoys;

    public ReceiptNumberFinder(ReceiptProfile profile)
    {
        _receipt = Compile(profile.ReceiptNumberLabels);
        _order = Compile(profile.OrderNumberLabels);
        _decoys = new LabelSet(profile.NumberDecoyLabels.Concat(profile.TableLabels));
    }

    /// <summary>The number and the line it is on, and why; null when no usable number is printed.</summary>
    public (string Number, int Line, string Evidence)? Find(string[] folded, IReadOnlyList<string> barcodes)
    {
        foreach (var (regex, what) in new[] { (_receipt, "receipt label"), (_order, "order label"), (_bare, "No/Nr/#") })
        {
            if (regex is null)
            {
                continue;
            }

            for (var i = 0; i < folded.Length; i++)
            {
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

        // Nothing printed: a short barcode of letters and digits (not a product code, not a link) carries the number.
        var codes = barcodes.Where(code => code.Length is >= 4 and <= 24 && code.Count(char.IsAsciiDigit) >= 4
            && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !(code.Length is 8 or 12 or 13 && code.All(char.IsAsciiDigit))).Distinct().ToList();
        return codes.Count == 1 ? (codes[0], -1, "the barcode") : null;
    }

    /// <summary>True when the line carries a receipt or order number label with a number: not an item.</summary>
    public bool Mentions(string folded) => (_receipt?.IsMatch(folded) ?? false) || (_order?.IsMatch(folded) ?? false);

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
            : new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}])" + Joiner + Value, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
    }

    /// <summary>A number, not a masked card, a date, a time or a phone number.</summary>
    private static bool Usable(string number)
    {
        if (number.Length == 0 || number.Contains('*', StringComparison.Ordinal) || !number.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = number.Count(char.IsAsciiDigit);
        return digits <= 20 && !Regex.IsMatch(number, @"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$", RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
    }

    /// <summary>True when the word just before the number says it is something else: "Tisch #9", "Kasse Nr 2", "Karta No:".</summary>
    private bool DecoyBefore(string folded, int index)
    {
        var word = Regex.Match(folded[..index], @"(?<w>[\p{L}][\p{L}\-/.]*)[\s:.#\-]*$", RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
        if (!word.Success)
        {
            return false;
        }

        var w = word.Groups["w"].Value.Trim('.', '-', '/');
        return w.Length > 0 && _decoys.First(w) is { } decoy && decoy.Index + decoy.Length == w.Length;
    }
}
