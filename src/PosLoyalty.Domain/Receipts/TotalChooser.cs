using System.Globalization;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Weighs every line that could be the total and keeps the best, by evidence rather than by label alone: its label
/// (amount due above total; an amount standing alone counts for little), its emphasis (bold, double size, inverse,
/// when the rest of the receipt is plain), its place (after the items, before the payment lines), the arithmetic
/// around it (the items add up to it; subtotal + tax − discount; tendered − change; a VAT table's base + tax), and a
/// currency printed with it. The score is the confidence: a labelled total that nothing contradicts reads ≥ 0.6; an
/// unlabelled one needs corroboration; two labelled totals that disagree pull each other down. Pure.
/// </summary>
internal static class TotalChooser
{
    private const decimal Cent = 0.005m;

    /// <summary>What a line is, for the chooser.</summary>
    internal readonly record struct Facts(ReceiptLineKind Kind, PrintedAmount? Amount, ReceiptLine Printed, bool IsCard, bool AloneAmount, bool IsItem);

    public static TotalChoice Choose(Facts[] lines, IReadOnlyList<(int Line, decimal Value)> labelled, IReadOnlyList<ReceiptItem> items, int lastItemLine)
    {
        var candidates = new List<(decimal Value, int Line, int LabelLine, ReceiptLineKind Kind)>();
        foreach (var (line, value) in labelled)
        {
            var amountLine = lines[line].Amount is { Value: not null } ? line : NextAmountLine(lines, line);
            candidates.Add((value, amountLine < 0 ? line : amountLine, line, lines[line].Kind));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] is { AloneAmount: true, IsItem: false, Amount.Value: { } value } && value != 0m && !candidates.Any(c => c.Line == i)
                && (i == 0 || lines[i - 1].Kind is not (ReceiptLineKind.Subtotal or ReceiptLineKind.Tax or ReceiptLineKind.Savings or ReceiptLineKind.Change or ReceiptLineKind.CashGiven or ReceiptLineKind.ItemCount)))
            {
                candidates.Add((value, i, -1, ReceiptLineKind.Other));
            }
        }

        if (candidates.Count == 0)
        {
            return TotalChoice.None;
        }

        var printedLines = lines.Count(l => l.Printed.Text.Any(char.IsLetterOrDigit));
        var emphasised = lines.Count(l => l.Printed.Emphasised && l.Printed.Text.Any(char.IsLetterOrDigit));
        var emphasisSpeaks = emphasised * 2 < Math.Max(printedLines, 1);
        var context = new Arithmetic(lines, items);
        var largest = lines.Where(l => l.Amount?.Value is not null && l.Kind is not (ReceiptLineKind.CashGiven or ReceiptLineKind.Change)).Select(l => Math.Abs(l.Amount!.Value!.Value)).DefaultIfEmpty(0m).Max();

        var scored = candidates.Select(c =>
        {
            var evidence = new List<string>();
            var score = c.Kind switch
            {
                ReceiptLineKind.AmountDue => 0.75,
                ReceiptLineKind.Total => 0.65,
                _ => 0.15,
            };
            evidence.Add(c.LabelLine >= 0 ? $"label \"{Label(lines[c.LabelLine])}\" ({(c.Kind == ReceiptLineKind.AmountDue ? "amount due" : "total")})" : "no label");

            var printed = lines[c.Line].Printed;
            var label = c.LabelLine >= 0 ? lines[c.LabelLine].Printed : printed;
            if (emphasisSpeaks && (printed.Emphasised || label.Emphasised))
            {
                score += 0.1;
                evidence.Add(Math.Max(printed.Magnification, label.Magnification) > 1 ? "double size" : printed.Inverse || label.Inverse ? "inverse" : "bold");
            }

            if (lines[c.Line].Amount?.Currency is { } currency)
            {
                score += 0.05;
                evidence.Add($"currency {currency}");
            }

            if (lastItemLine >= 0 && c.Line > lastItemLine)
            {
                score += 0.05;
                evidence.Add("after the items");
            }

            if (Enumerable.Range(c.Line + 1, lines.Length - c.Line - 1).Any(j => lines[j].Kind is ReceiptLineKind.CashGiven or ReceiptLineKind.Change || lines[j].IsCard))
            {
                score += 0.05;
                evidence.Add("before the payment lines");
            }

            foreach (var (weight, reason) in context.Agreements(c.Value, c.Line))
            {
                score += weight;
                evidence.Add(reason);
            }

            if (Math.Abs(c.Value) == largest && candidates.Count > 1)
            {
                score += 0.05;
                evidence.Add("largest amount");
            }

            foreach (var other in candidates)
            {
                if (other.LabelLine >= 0 && other.Line != c.Line && Math.Abs(other.Value - c.Value) > Cent && Strength(other.Kind) >= Strength(c.Kind)
                    && !context.Explains(c.Value, other.Value))
                {
                    score -= 0.25;
                    evidence.Add($"disagrees with \"{Label(lines[other.LabelLine])}\" {other.Value.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            if (items.Count == 0)
            {
                // A sale lists what was sold; a report or a slip with a sum often does not.
                score -= 0.2;
                evidence.Add("no items printed");
            }

            return (c, Score: Math.Clamp(score, 0d, 1d), Evidence: evidence);
        }).ToList();

        // The strongest; among equals, the amount due before the total, then the earliest line.
        var best = scored
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => Strength(s.c.Kind))
            .ThenBy(s => s.c.Line)
            .First();

        // An unlabelled amount with nothing to back it is not a total: a kitchen ticket's stray number must not become a sale.
        if (best.c.LabelLine < 0 && Math.Round(best.Score, 2) < 0.45)
        {
            return TotalChoice.None;
        }

        return new TotalChoice(best.c.Value, best.c.Line, best.c.LabelLine, Math.Round(best.Score, 2), best.Evidence);
    }

    private static int Strength(ReceiptLineKind kind) => kind switch
    {
        ReceiptLineKind.AmountDue => 2,
        ReceiptLineKind.Total => 1,
        _ => 0,
    };

    private static int NextAmountLine(Facts[] lines, int from)
    {
        for (var j = from + 1; j < lines.Length && j <= from + 2; j++)
        {
            if (lines[j].Amount is { Value: not null })
            {
                return j;
            }
        }

        return -1;
    }

    private static string Label(Facts line)
    {
        var text = line.Printed.Text;
        var label = (line.Amount is { } amount ? text[..amount.Start] : text).Trim().TrimEnd(' ', ':', '=', '.', '.').Trim();
        return label.Length > 40 ? label[..40] : label;
    }

    /// <summary>The sums a receipt prints around its total, and which of them a candidate agrees with.</summary>
    private sealed class Arithmetic
    {
        private readonly Facts[] _lines;
        private readonly decimal? _itemSum;
        private readonly decimal _itemAdjustments;
        private readonly List<decimal> _subtotals;
        private readonly List<decimal> _taxes;
        private readonly List<decimal> _savings;
        private readonly List<decimal> _tendered;
        private readonly List<decimal> _change;
        private readonly List<decimal> _cards;

        public Arithmetic(Facts[] lines, IReadOnlyList<ReceiptItem> items)
        {
            _lines = lines;
            _itemSum = items.Count > 0 && items.All(i => i.Amount is not null) ? items.Sum(i => i.Amount!.Value) : null;
            _itemAdjustments = lines.Where(l => !l.IsItem && l.Kind == ReceiptLineKind.Other && l.Amount is { Value: < 0m }).Sum(l => l.Amount!.Value!.Value);
            _subtotals = Values(ReceiptLineKind.Subtotal);
            _taxes = Values(ReceiptLineKind.Tax);
            _savings = Values(ReceiptLineKind.Savings).Select(Math.Abs).ToList();
            _tendered = Values(ReceiptLineKind.CashGiven);
            _change = Values(ReceiptLineKind.Change);
            _cards = lines.Where(l => l.IsCard && l.Amount?.Value is not null).Select(l => l.Amount!.Value!.Value).ToList();
        }

        public IEnumerable<(double Weight, string Reason)> Agreements(decimal value, int line)
        {
            var before = _lines.Take(line).Where(l => l.IsItem && l.Amount?.Value is not null).Select(l => l.Amount!.Value!.Value).ToList();
            if ((_itemSum is { } sum && (Same(sum, value) || Same(sum + _itemAdjustments, value) || _savings.Any(s => Same(sum - s, value))))
                || (before.Count > 0 && Same(before.Sum(), value)))
            {
                yield return (0.15, "the items add up to it");
            }

            if (_subtotals.Any(sub => Same(sub, value) || _taxes.Any(t => Same(sub + t, value)) || _savings.Any(s => Same(sub - s, value) || _taxes.Any(t => Same(sub + t - s, value)))))
            {
                yield return (0.15, "subtotal + tax − discount");
            }

            if (_tendered.Any(t => _change.Any(c => Same(t - c, value))) || (_change.Count == 0 || _change.All(c => c == 0m)) && _tendered.Any(t => Same(t, value)) || _cards.Any(c => Same(c, value)))
            {
                yield return (0.15, "tendered − change");
            }

            if (VatTableAgrees(value, line))
            {
                yield return (0.1, "VAT table adds up");
            }
        }

        /// <summary>True when one amount follows from the other by the receipt's own sums (a gross total and the amount due after a discount).</summary>
        public bool Explains(decimal chosen, decimal other) =>
            _savings.Any(s => Same(other - s, chosen)) || _taxes.Any(t => Same(other + t, chosen) || Same(chosen + t, other))
            || _tendered.Any(t => Same(t, other)) || Same(chosen, -other);

        private bool VatTableAgrees(decimal value, int line)
        {
            for (var i = 0; i < _lines.Length; i++)
            {
                if (i == line || _lines[i].IsItem)
                {
                    continue;
                }

                var numbers = Numbers(_lines[i].Printed.Text);
                if (numbers.Count >= 2 && numbers.Count <= 5
                    && (numbers.Any(n => Same(n, value)) && numbers.Where(n => !Same(n, value)).ToList() is { Count: >= 2 } rest && rest.Any(a => rest.Any(b => a != b && Same(a + b, value)))))
                {
                    return true;
                }
            }

            return false;
        }

        private List<decimal> Values(ReceiptLineKind kind) =>
            _lines.Where(l => l.Kind == kind && l.Amount?.Value is not null).Select(l => l.Amount!.Value!.Value).ToList();

        private static List<decimal> Numbers(string text)
        {
            var found = new List<decimal>();
            foreach (var token in text.Split([' ', '€', '$', '£'], StringSplitOptions.RemoveEmptyEntries))
            {
                var t = token.Trim('(', ')', ':', '=');
                var comma = t.LastIndexOf(',');
                var point = t.LastIndexOf('.');
                var sep = Math.Max(comma, point);
                if (sep > 0 && t.Length - sep - 1 == 2 && t.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
                {
                    var plain = new string(t.Where((c, k) => char.IsAsciiDigit(c) || k == sep).ToArray()).Replace(',', '.');
                    if (decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                    {
                        found.Add(v);
                    }
                }
            }

            return found;
        }

        private static bool Same(decimal a, decimal b) => Math.Abs(a - b) < Cent;
    }
}
