using System.Globalization;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Infers, from a few receipts of one POS, what that POS does differently from a base profile (the built-in
/// `default` or `star`): how it writes decimals, the label it prints before its total and before its receipt
/// number, and an item layout when one clearly reads its items better. It only ever adds: the learned profile
/// still reads every language the base reads. Pure: the caller decodes the bytes (dialect, code page) and
/// writes the result.
/// </summary>
public sealed class ReceiptProfileLearner
{
    private const int MaxLabelLength = 32;
    private const int MaxLabelWords = 4;

    // Item layouts a POS commonly prints on one line, tried only when the built-in reading does not add up.
    private static readonly (string Name, string Pattern)[] ItemLayouts =
    [
        ("description, quantity, unit price, amount", @"^\s*(?<description>\S.*?\S)\s+[xX]?(?<quantity>\d{1,4})\s*[xX]?\s+-?\d[\d.,']*\s+(?<amount>-?\d[\d.,']*\d-?)\s*[A-Z*]?$"),
        ("quantity x description, amount", @"^\s*(?<quantity>\d{1,4})\s*[xX]\s+(?<description>\S.*?\S)\s+(?<amount>-?\d[\d.,']*\d-?)\s*[A-Z*]?$"),
        ("description, quantity, amount", @"^\s*(?<description>\S.*?\S)\s+[xX]?(?<quantity>\d{1,4})\s+(?<amount>-?\d[\d.,']*[.,]\d{2}-?)\s*[A-Z*]?$"),
    ];

    private readonly ReceiptProfile _basis;

    /// <param name="basis">The profile to extend: its dialect and code page are the ones the receipts were decoded with.</param>
    public ReceiptProfileLearner(ReceiptProfile basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        _basis = basis;
    }

    /// <summary>The profile that reads these receipts best, and what was learned from them, one phrase each.</summary>
    /// <param name="name">The new profile's name.</param>
    /// <param name="receipts">Each receipt's decoded lines (with emphasis) and barcodes.</param>
    public LearnedReceiptProfile Learn(string name, IReadOnlyList<(IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<string> Barcodes)> receipts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(receipts);
        var findings = new List<string>();
        var profile = _basis with { Name = name };

        var separator = DecimalSeparatorOf(profile, receipts.SelectMany(receipt => receipt.Lines).Select(line => line.Text), findings);
        profile = profile with { DecimalSeparator = separator };

        var sales = Read(profile, receipts);
        profile = WithLabelsFrom(profile, sales, findings);
        sales = Read(profile, receipts);
        profile = WithItemLayout(profile, receipts, sales, findings);
        return new LearnedReceiptProfile(profile, findings);
    }

    /// <summary>
    /// The decimal separator every amount with decimals uses, when at least two do, all agree and it changes how
    /// some amount on these receipts reads; else the profile's own rule (Auto reads "12,50" and "12.50" alike and
    /// "5,000" as five thousand).
    /// </summary>
    public static DecimalSeparatorRule DecimalSeparatorOf(ReceiptProfile profile, IEnumerable<string> lines, ICollection<string> findings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(findings);
        var reader = new AmountReader(profile with { DecimalSeparator = DecimalSeparatorRule.Auto });
        var texts = lines.Select(CardNumberMasker.Mask).ToArray();
        int points = 0, commas = 0;
        foreach (var line in texts)
        {
            if (reader.Read(line) is not { HasDecimals: true, Truncated: false } amount)
            {
                continue;
            }

            var at = amount.Digits.LastIndexOfAny(['.', ',']);
            if (at > 0 && amount.Digits.Length - at - 1 is 1 or 2)
            {
                if (amount.Digits[at] == ',')
                {
                    commas++;
                }
                else
                {
                    points++;
                }
            }
        }

        var seen = commas >= 2 && points == 0 ? DecimalSeparatorRule.Comma : points >= 2 && commas == 0 ? DecimalSeparatorRule.Point : (DecimalSeparatorRule?)null;
        var name = seen == DecimalSeparatorRule.Comma ? "decimal comma" : "decimal point";
        if (seen is { } rule)
        {
            // Auto already reads "12,50" and "12.50" alike; a fixed rule only changes amounts like "1,250". Where no
            // amount here reads differently, Auto stays: it also reads this POS's receipts in another locale.
            var fixedReader = new AmountReader(profile with { DecimalSeparator = rule });
            var changed = texts.Count(line => reader.Read(line)?.Value != fixedReader.Read(line)?.Value);
            if (changed > 0)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"{name} ({commas + points} amounts agree; {changed} line(s) read differently without it)"));
                return rule;
            }

            findings.Add(string.Create(CultureInfo.InvariantCulture, $"{name} on every amount ({commas + points}); DecimalSeparator left Auto, which reads them the same"));
            return profile.DecimalSeparator;
        }

        if (points + commas > 0)
        {
            findings.Add(string.Create(CultureInfo.InvariantCulture, $"decimal separator left to each amount ({points} with a point, {commas} with a comma)"));
        }

        return profile.DecimalSeparator;
    }

    /// <summary>
    /// Adds the label printed before each total and receipt number the reader found (<see cref="ReceiptSale.TotalLineIndex"/>,
    /// <see cref="ReceiptSale.ReceiptNumberLineIndex"/>) where the profile's labels do not already name it: a total
    /// found by emphasis, position or arithmetic then has a label on this POS's next receipt.
    /// </summary>
    public static ReceiptProfile WithLabelsFrom(ReceiptProfile profile, IReadOnlyList<ReceiptSale> sales, ICollection<string> findings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(findings);
        var amounts = new AmountReader(profile);
        var totals = new LabelSet(profile.AmountDueLabels.Concat(profile.TotalLabels));
        var decoys = new LabelSet(profile.SubtotalLabels.Concat(profile.TaxLabels).Concat(profile.SavingsLabels).Concat(profile.CashGivenLabels)
            .Concat(profile.ChangeLabels).Concat(profile.ItemCountLabels).Concat(profile.CardPaymentLabels));
        var numbers = new LabelSet(profile.ReceiptNumberLabels);
        var amountDue = new List<string>();
        var receiptNumber = new List<string>();
        for (var i = 0; i < sales.Count; i++)
        {
            var sale = sales[i];
            var lines = sale.Text.Split('\n');
            if (sale.IsSale && sale.TotalLineIndex is { } totalAt && totalAt >= 0 && totalAt < lines.Length
                && amounts.Read(lines[totalAt]) is { } amount
                && Label(lines[totalAt][..amount.Start]) is { } label
                && totals.First(TextFolding.Fold(label)) is null
                && decoys.First(TextFolding.Fold(label)) is null
                && !sale.Items.Any(item => string.Equals(item.Description.Trim(), label, StringComparison.OrdinalIgnoreCase))
                && !amountDue.Contains(label, StringComparer.OrdinalIgnoreCase))
            {
                amountDue.Add(label);
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"total label \"{label}\" (receipt {i + 1})"));
            }

            if (sale.ReceiptNumber is { Length: > 0 } number && sale.ReceiptNumberLineIndex is { } numberAt && numberAt >= 0 && numberAt < lines.Length)
            {
                var line = lines[numberAt];
                var at = line.IndexOf(number, StringComparison.Ordinal);
                if (at > 0 && NumberLabel(line[..at]) is { } numberLabel
                    && numbers.First(TextFolding.Fold(line[..at])) is null
                    && !receiptNumber.Contains(numberLabel, StringComparer.OrdinalIgnoreCase))
                {
                    receiptNumber.Add(numberLabel);
                    findings.Add(string.Create(CultureInfo.InvariantCulture, $"receipt number label \"{numberLabel}\" (receipt {i + 1})"));
                }
            }
        }

        return profile with
        {
            AmountDueLabels = Array.AsReadOnly(profile.AmountDueLabels.Concat(amountDue).ToArray()),
            ReceiptNumberLabels = Array.AsReadOnly(profile.ReceiptNumberLabels.Concat(receiptNumber).ToArray()),
        };
    }

    private static ReceiptProfile WithItemLayout(
        ReceiptProfile profile,
        IReadOnlyList<(IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<string> Barcodes)> receipts,
        IReadOnlyList<ReceiptSale> sales,
        ICollection<string> findings)
    {
        if (profile.ItemLinePattern is not null)
        {
            return profile;
        }

        var amounts = new AmountReader(profile);
        var builtIn = sales.Select(sale => Score(sale, amounts)).ToArray();
        (string Name, ReceiptProfile Profile, int Better)? best = null;
        foreach (var (layoutName, pattern) in ItemLayouts)
        {
            var candidate = profile with { ItemLinePattern = pattern };
            var scores = Read(candidate, receipts).Select(sale => Score(sale, amounts)).ToArray();
            var worse = scores.Where((score, i) => score.CompareTo(builtIn[i]) < 0).Any();
            var better = scores.Where((score, i) => score.CompareTo(builtIn[i]) > 0 && score.AddsUp).Count();
            if (!worse && better > 0 && (best is null || better > best.Value.Better))
            {
                best = (layoutName, candidate, better);
            }
        }

        if (best is not { } chosen)
        {
            return profile;
        }

        findings.Add(string.Create(CultureInfo.InvariantCulture, $"item layout \"{chosen.Name}\": its items add up on {chosen.Better} receipt(s) where the built-in reading's do not"));
        return chosen.Profile;
    }

    /// <summary>How well a reading got the items: first whether they add up to an amount printed below them (the total or a subtotal), then how many were read.</summary>
    private static ItemScore Score(ReceiptSale sale, AmountReader amounts)
    {
        if (!sale.IsSale || sale.Items.Count == 0)
        {
            return new ItemScore(false, sale.Items.Count);
        }

        var sum = sale.Items.Sum(item => item.Amount ?? 0m);
        var printed = sale.Text.Split('\n').Select(line => amounts.Read(line)?.Value).OfType<decimal>().ToHashSet();
        return new ItemScore(sum != 0m && (sum == Math.Abs(sale.Total ?? 0m) || printed.Contains(sum)), sale.Items.Count);
    }

    private static IReadOnlyList<ReceiptSale> Read(ReceiptProfile profile, IReadOnlyList<(IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<string> Barcodes)> receipts)
    {
        var extractor = new ReceiptSaleExtractor(profile);
        return receipts.Select(receipt => extractor.Extract(receipt.Lines, receipt.Barcodes)).ToArray();
    }

    /// <summary>The words before an amount, without decoration; null when they are no label (no letter, too long).</summary>
    private static string? Label(string before)
    {
        var label = before.Trim().Trim(':', '.', '*', '=', '-', '#', '_', '~', '>', '<', '[', ']', '(', ')', ' ').Trim();
        if (label.Length is 0 or > MaxLabelLength || !label.Any(char.IsLetter))
        {
            return null;
        }

        return label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxLabelWords ? null : label;
    }

    /// <summary>The last few words before a receipt number ("Kasse 2  Rg.-Nr.: " → "Rg.-Nr"), without '#', ':' and the like.</summary>
    private static string? NumberLabel(string before)
    {
        var words = new List<string>();
        foreach (var word in before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (word.Any(char.IsDigit) || (words.Count(w => w.Any(char.IsLetter)) == 2 && word.Any(char.IsLetter)))
            {
                break;
            }

            words.Insert(0, word);
        }

        return Label(string.Join(' ', words));
    }

    private readonly record struct ItemScore(bool AddsUp, int Count) : IComparable<ItemScore>
    {
        public int CompareTo(ItemScore other) => AddsUp != other.AddsUp ? AddsUp.CompareTo(other.AddsUp) : Count.CompareTo(other.Count);
    }
}
