using System.Globalization;
using System.Text.RegularExpressions;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Reads the sale from one receipt's text lines as a <see cref="ReceiptProfile"/> says. Card numbers are masked
/// first (<see cref="CardNumberMasker"/>): nothing below, and nothing returned, ever holds a full one. Pure: no I/O,
/// no clock; never throws on any text.
/// </summary>
/// <remarks>
/// The total is the amount due when one is printed, else the total; subtotal, tax, savings, cash given, change and
/// item-count lines are never taken for it. A total whose amount was wrapped onto the next line ("1,234." then "56")
/// is joined; a total with no readable amount falls back to the subtotal, then to the sum of the items. A receipt
/// with no total line is not a sale (a kitchen ticket, a slip).
/// </remarks>
public sealed class ReceiptSaleExtractor
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly ReceiptProfile _profile;
    private readonly AmountReader _amounts;
    private readonly LabelSet _due;
    private readonly LabelSet _total;
    private readonly LabelSet _subtotal;
    private readonly LabelSet _tax;
    private readonly HashSet<string> _taxIncluded;
    private readonly LabelSet _savings;
    private readonly LabelSet _change;
    private readonly LabelSet _cash;
    private readonly LabelSet _count;
    private readonly LabelSet _card;
    private readonly LabelSet _copy;
    private readonly LabelSet _refund;
    private readonly LabelSet _ignore;
    private readonly ReceiptNumberFinder _numbers;
    private readonly ReceiptKindClassifier _kinds;
    private readonly LabelSet _orderWords;
    private readonly Regex? _itemLine;

    private readonly Regex _leadingQuantity = new(@"^(?<q>\d{1,4}(?:[.,]\d{1,3})?)\s*[xX×*]\s*(?<d>\S.*)$", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _leadingCount = new(@"^(?<q>\d{1,3})\s+(?<d>\p{L}.*)$", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _trailingQuantity = new(@"^(?<d>.*\p{L}.*?)\s+(?<q>\d{1,4}(?:[.,]\d{1,3})?)\s*(?:[xX×*@]|pcs|stk|st)\.?\s*[\d.,' ]+\s*$", RegexOptions.CultureInvariant, Timeout);
    // "PAO FRANCES 0,500 KG x 15,90": quantity and unit, then the unit price.
    private readonly Regex _quantityWithUnit = new(@"^(?<d>.*\p{L}.*?)\s+(?<q>\d{1,4}(?:[.,]\d{1,3})?)\s*(?:UN|UND|UNID|UNI|KG|G|GR|L|LT|ML|CL|PC|PCS|STK|ST|SZT|DB|KS|KPL|ADET|AD|PZ|PZA|PZAS|ШТ|КГ|Л|ΤΕΜ|TK|KPL|M)\.?\s*[xX×*]\s*[\d.,' ]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);
    private readonly Regex _quantityAfterName = new(@"^(?<d>.*\p{L}[^\d]*?)\s+[xX×]\s?(?<q>\d{1,4})(?:\s+[\d.,' ]+)?$", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _quantityLine = new(@"^\s*(?<q>\d{1,4}(?:[.,]\d{1,3})?)\s*(?:[\p{L}]{1,3}\.?\s*)?[xX×*@]\s*(?<rest>[^\p{L}]*(?:[\p{L}]{1,3}(?:/[\p{L}]{1,3})?)?[^\p{L}]*)$", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _isoDate = new(@"(?<!\d)(?<y>\d{4})[-./](?<m>\d{1,2})[-./](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _date = new(@"(?<!\d)(?<a>\d{1,2})[-./](?<b>\d{1,2})[-./](?<y>\d{4}|\d{2})(?![\d,])", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _time = new(@"(?<![\d:.,])(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?::(?<s>[0-5]\d))?(?![\d:])", RegexOptions.CultureInvariant, Timeout);
    private readonly Regex _numberToken = new(@"\d[\d.,' ]*\d|\d", RegexOptions.CultureInvariant, Timeout);

    public ReceiptSaleExtractor(ReceiptProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _amounts = new AmountReader(profile);
        _due = new LabelSet(profile.AmountDueLabels);
        _total = new LabelSet(profile.TotalLabels);
        _subtotal = new LabelSet(profile.SubtotalLabels);
        _tax = new LabelSet(profile.TaxLabels);
        _taxIncluded = new HashSet<string>(profile.TaxIncludedWords.Select(w => TextFolding.Fold(w).Trim().TrimEnd('.')), StringComparer.Ordinal);
        _savings = new LabelSet(profile.SavingsLabels);
        _change = new LabelSet(profile.ChangeLabels);
        _cash = new LabelSet(profile.CashGivenLabels);
        _count = new LabelSet(profile.ItemCountLabels);
        _card = new LabelSet(profile.CardPaymentLabels);
        _copy = new LabelSet(profile.CopyMarkers);
        _refund = new LabelSet(profile.RefundMarkers);
        _ignore = new LabelSet(profile.IgnoreLabels);
        _numbers = new ReceiptNumberFinder(profile);
        _kinds = new ReceiptKindClassifier(profile);
        _orderWords = new LabelSet(profile.OrderNumberLabels.Concat(profile.TableLabels));

        if (profile.ItemLinePattern is { } pattern)
        {
            _itemLine = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
    }

    /// <summary>The profile this extractor reads by.</summary>
    public ReceiptProfile Profile => _profile;

    /// <summary>Reads one receipt. The lines may hold full card numbers: they are masked before anything else.</summary>
    public ReceiptSale Extract(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Extract(lines.Select(line => new ReceiptLine(line ?? string.Empty)).ToArray(), []);
    }

    /// <summary>
    /// Reads one receipt from its printed lines, with their emphasis, and the payloads of the barcodes and QR codes
    /// printed on it. Card numbers are masked in both before anything else.
    /// </summary>
    public ReceiptSale Extract(IReadOnlyList<ReceiptLine> lines, IReadOnlyList<string> barcodes)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(barcodes);
        var masked = lines.Select(line => line with { Text = CardNumberMasker.Mask(line.Text ?? string.Empty) }).ToArray();
        var maskedCodes = barcodes.Select(code => CardNumberMasker.Mask(code ?? string.Empty)).ToArray();
        try
        {
            return Read(masked, maskedCodes);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological line in a custom profile pattern: report the text, claim nothing.
            return new ReceiptSale(null, null, null, null, null, [], null, false, false, string.Join('\n', masked.Select(line => line.Text)))
            {
                Evidence = ["a line took too long to read"],
            };
        }
    }

    /// <summary>Reads one receipt from its text, lines separated by '\n'.</summary>
    public ReceiptSale Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
    }

    private ReceiptSale Read(ReceiptLine[] printed, string[] barcodes)
    {
        var lines = printed.Select(line => line.Text).ToArray();
        var folded = lines.Select(TextFolding.Fold).ToArray();
        var kinds = new (ReceiptLineKind Kind, int At)[lines.Length];
        var amounts = new PrintedAmount?[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            amounts[i] = _amounts.Read(lines[i]);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            kinds[i] = IsColumnHeader(folded[i]) && !NextIsAmountAlone(lines, amounts, i) ? (ReceiptLineKind.Other, 0) : Classify(folded[i]);
        }

        var itemLines = new List<int>();
        var items = ReadItems(lines, folded, kinds, amounts, itemLines);
        var labelled = new List<(int Line, decimal Value)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i].Kind is ReceiptLineKind.AmountDue or ReceiptLineKind.Total && AmountOfTotalLine(lines, amounts, i) is { } value)
            {
                labelled.Add((i, value));
            }
        }

        var facts = new TotalChooser.Facts[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var alone = amounts[i] is { } a && !lines[i][..a.Start].Any(char.IsLetterOrDigit);
            facts[i] = new TotalChooser.Facts(kinds[i].Kind, amounts[i], printed[i], kinds[i].Kind == ReceiptLineKind.Other && _card.First(folded[i]) is not null, alone, itemLines.Contains(i));
        }

        var choice = TotalChooser.Choose(facts, labelled, items, itemLines.Count > 0 ? itemLines.Max() : -1);
        if (choice.Line >= 0 && itemLines.Any(line => line < choice.Line) && itemLines.Any(line => line > choice.Line))
        {
            // An unlabelled total ends the item list: what follows it is payment ("Test payment method 10.00").
            items = items.Where((_, k) => itemLines[k] < choice.Line).ToList();
            itemLines.RemoveAll(line => line > choice.Line);
        }

        var total = choice.Value;
        var confidence = choice.Confidence;
        var evidence = choice.Evidence.ToList();
        var totalLine = choice.Line;
        if (total is null && HasAny(kinds, ReceiptLineKind.AmountDue, ReceiptLineKind.Total))
        {
            // A total line was printed but its amount cannot be read: the subtotal, then the items, say it — a guess.
            var subtotal = FirstAmount(kinds, amounts, ReceiptLineKind.Subtotal);
            total = subtotal ?? (items.Count > 0 && items.All(item => item.Amount is not null) ? items.Sum(item => item.Amount!.Value) : null);
            if (total is not null)
            {
                confidence = 0.4;
                evidence = [subtotal is not null ? "total unreadable: the subtotal" : "total unreadable: the sum of the items"];
            }

            totalLine = Array.FindIndex(kinds, k => k.Kind is ReceiptLineKind.AmountDue or ReceiptLineKind.Total);
        }

        var copy = folded.Any(_copy.IsLineHeading);
        // "REFUND", "*** VOID ***", "Storno-Beleg" as a heading; a phrase of two words ("RESO MERCE", "ВОЗВРАТ ПРИХОДА")
        // anywhere on a line without an amount. A one-word mention in a footer ("Returns within 30 days") is not one.
        var refundHeading = folded.Where((f, i) => ((kinds[i].Kind == ReceiptLineKind.Other || amounts[i] is null) && _refund.IsLineHeading(f))
            || (amounts[i] is null && _refund.First(f) is { } m && m.Value.Trim().Contains(' ', StringComparison.Ordinal))).Any();
        var refund = total < 0 || (total is not null && refundHeading);
        if (refund && total > 0)
        {
            total = -total;
        }

        var currency = totalLine >= 0 ? amounts[totalLine]?.Currency ?? _amounts.FindCurrency(lines[totalLine]) : null;
        currency ??= amounts.Select(a => a?.Currency).FirstOrDefault(c => c is not null);

        var paid = Enumerable.Range(0, lines.Length).Any(i => amounts[i]?.Value is not null && (kinds[i].Kind is ReceiptLineKind.CashGiven or ReceiptLineKind.Change || facts[i].IsCard));
        var (kind, why) = _kinds.Classify(folded, amounts.Select(a => a is not null).ToArray(), total is not null, items.Count(i => i.Amount is not null), items.Count(i => i.Amount is null), refund, paid);
        if (kind is not (ReceiptKind.Sale or ReceiptKind.Refund))
        {
            evidence.Insert(0, why);
        }

        var taxed = kinds.Any(k => k.Kind == ReceiptLineKind.Tax) || folded.Any(f => _tax.First(f) is not null);
        if (kind == ReceiptKind.Sale && !paid && !taxed && Enumerable.Range(0, lines.Length).Any(i => amounts[i] is null && _orderWords.First(folded[i]) is not null))
        {
            // "PEDIDO MESA 4 … TOTAL 125,50" and nothing paid, no tax: it may be an order slip. Ask.
            confidence = Math.Max(0d, confidence - 0.3);
            evidence.Add("an order or table heading, and no payment or tax printed");
        }

        var number = _numbers.Find(folded, barcodes);
        if (number is { } n)
        {
            evidence.Add($"number from {n.Evidence}");
        }

        var (date, time) = FindDateAndTime(lines);
        return new ReceiptSale(
            total,
            currency,
            number?.Number,
            date,
            time,
            items,
            FindPaymentType(folded, kinds, Math.Max(totalLine, 0)),
            refund,
            copy,
            string.Join('\n', lines))
        {
            Kind = kind,
            Confidence = total is null ? 0d : confidence,
            Evidence = evidence,
            TotalLineIndex = totalLine >= 0 && total is not null ? totalLine : null,
            ReceiptNumberLineIndex = number is { Line: >= 0 } found ? found.Line : null,
        };
    }

    /// <summary>"Item   Qty   Price   Total": a row of column names, not a total line.</summary>
    private static bool IsColumnHeader(string folded)
    {
        var t = folded.Trim();
        if (t.Any(char.IsDigit))
        {
            return false;
        }

        var tokens = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length >= 3 && tokens.All(token => token.Length <= 14) && t.Contains("  ", StringComparison.Ordinal);
    }

    private static bool NextIsAmountAlone(string[] lines, PrintedAmount?[] amounts, int i)
    {
        var next = NextNonBlank(lines, i);
        return next >= 0 && amounts[next] is { } amount && !lines[next].AsSpan(0, amount.Start).ContainsAnyExcept(" \t*=:#-");
    }

    private (ReceiptLineKind Kind, int At) Classify(string folded)
    {
        if (IsRule(folded))
        {
            return (ReceiptLineKind.Rule, 0);
        }

        if (_due.First(folded) is { } due)
        {
            return (ReceiptLineKind.AmountDue, due.Index);
        }

        if (_subtotal.First(folded) is { } subtotal)
        {
            return (ReceiptLineKind.Subtotal, subtotal.Index);
        }

        foreach (var tax in _tax.All(folded))
        {
            if (!IsTaxIncluded(folded, tax))
            {
                return (ReceiptLineKind.Tax, tax.Index);
            }
        }

        if (_savings.First(folded) is { } savings)
        {
            return (ReceiptLineKind.Savings, savings.Index);
        }

        if (_change.First(folded) is { } change)
        {
            return (ReceiptLineKind.Change, change.Index);
        }

        if (_cash.First(folded) is { } cash)
        {
            return (ReceiptLineKind.CashGiven, cash.Index);
        }

        if (_count.First(folded) is { } count)
        {
            return (ReceiptLineKind.ItemCount, count.Index);
        }

        if (_total.First(folded) is { } total)
        {
            return (ReceiptLineKind.Total, total.Index);
        }

        return (ReceiptLineKind.Other, 0);
    }

    /// <summary>"inkl. MwSt", "IVA incluido", "Total TTC": the tax is part of the total, so the line is still a total.</summary>
    private bool IsTaxIncluded(string folded, Match tax)
    {
        var before = folded[..tax.Index].Split([' ', '(', ')', ',', ':', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !word.Any(char.IsDigit))
            .TakeLast(2)
            .Select(word => word.Trim('.', '-'));
        var after = folded[(tax.Index + tax.Length)..].Split([' ', '(', ')', ',', ':', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !word.Any(char.IsDigit))
            .Take(1)
            .Select(word => word.Trim('.', '-'));
        return before.Concat(after).Any(_taxIncluded.Contains);
    }

    private static bool IsRule(string folded)
    {
        var t = folded.Trim();
        return t.Length >= 3 && t.All(c => c is '-' or '=' or '_' or '*' or '~' or '.' or '#' or '+' or ' ' or '—' or '–' || c is >= '\u2500' and <= '\u257F');
    }

    private decimal? AmountOfTotalLine(string[] lines, PrintedAmount?[] amounts, int i)
    {
        var amount = amounts[i];
        var next = NextNonBlank(lines, i);
        if (amount is { Truncated: true } && next >= 0)
        {
            // Double-size text wrapped by the POS: "TOTAL 1,234." then "56".
            var rest = lines[next].Trim();
            var cents = Regex.Match(rest, @"^(?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant, Timeout);
            if (cents.Success)
            {
                var (joined, _) = _amounts.Parse(amount.Digits + cents.Groups["d"].Value);
                var negative = amount.Negative || rest.EndsWith('-');
                return joined is { } v ? (negative ? -v : v) : null;
            }

            return null;
        }

        if (amount is { Value: { } value } && (amount.HasDecimals || amount.Currency is not null || amount.Gap >= 1))
        {
            return value;
        }

        if (amount is null && next >= 0 && next - i <= 2 && _amounts.ReadAlone(lines[next]) is { Value: { } below })
        {
            return below; // the label on one line, the amount (often double size) on the next
        }

        if (amount is null && GluedToLabel(lines[i]) is { } glued)
        {
            return glued; // "TOTALE COMPLESSIVO6,20": a double-width label ran into its amount
        }

        return null;
    }

    /// <summary>The amount printed right after a total label with no space between them, or null.</summary>
    private decimal? GluedToLabel(string line)
    {
        var folded = TextFolding.Fold(line);
        var label = _due.First(folded) ?? _total.First(folded);
        if (label is null)
        {
            return null;
        }

        // The first digit after the label that follows a letter directly: where the label ran into the amount.
        for (var i = label.Index + 1; i < folded.Length; i++)
        {
            if (char.IsAsciiDigit(folded[i]))
            {
                return char.IsLetter(folded[i - 1]) && _amounts.ReadAlone(folded[i..]) is { Value: { } value, HasDecimals: true } ? value : null;
            }
        }

        return null;
    }

    private static int NextNonBlank(string[] lines, int i)
    {
        for (var j = i + 1; j < lines.Length; j++)
        {
            if (!string.IsNullOrWhiteSpace(lines[j]))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool HasAny((ReceiptLineKind Kind, int At)[] kinds, params ReceiptLineKind[] wanted) => kinds.Any(k => wanted.Contains(k.Kind));

    private static decimal? FirstAmount((ReceiptLineKind Kind, int At)[] kinds, PrintedAmount?[] amounts, ReceiptLineKind kind)
    {
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i].Kind == kind && amounts[i]?.Value is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private List<ReceiptItem> ReadItems(string[] lines, string[] folded, (ReceiptLineKind Kind, int At)[] kinds, PrintedAmount?[] amounts, List<int> itemLines)
    {
        var summary = Array.FindIndex(kinds, k => k.Kind is ReceiptLineKind.AmountDue or ReceiptLineKind.Total or ReceiptLineKind.Subtotal);
        if (summary < 0)
        {
            summary = lines.Length;
        }

        var rules = Enumerable.Range(0, summary).Where(i => kinds[i].Kind == ReceiptLineKind.Rule).ToList();
        while (rules.Count > 0 && Enumerable.Range(rules[^1] + 1, summary - rules[^1] - 1).All(j => string.IsNullOrWhiteSpace(lines[j])) && summary < lines.Length)
        {
            rules.RemoveAt(rules.Count - 1); // the rule that closes the item list
        }

        var found = new List<(ReceiptItem Item, int Line)>();
        var current = 0;
        string? pending = null;
        var lastItemLine = -2;
        Read(rules.Count > 0 ? rules[0] + 1 : 0, summary);
        if (found.Count == 0 && rules.Count == 1 && summary == lines.Length)
        {
            // One rule and no total label: the items may sit above the rule, the unlabelled total below it.
            Read(0, rules[0]);
        }

        // A rule between the last items and the totals block closes the item list: "Taxa de entrega 7,00" after it is a fee.
        if (rules.Count >= 2 && lines.Length > 0)
        {
            var closing = rules[^1];
            if (found.Any(f => f.Line < closing) && found.Any(f => f.Line > closing))
            {
                found.RemoveAll(f => f.Line > closing);
            }
        }

        itemLines.AddRange(found.Select(f => f.Line));
        return found.Select(f => f.Item).ToList();

        void Add(ReceiptItem item) => found.Add((item, current));

        void Read(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                current = i;
                var text = lines[i].Trim();
                // "Discount Item  x5  10.00  50.00": a product whose name holds a savings word, priced like the others.
                var pricedLikeAnItem = kinds[i].Kind == ReceiptLineKind.Savings && amounts[i] is { Value: > 0m } && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsAsciiDigit)) >= 3;
                if (text.Length == 0 || kinds[i].Kind == ReceiptLineKind.Rule || (!pricedLikeAnItem && IsNotAnItem(folded[i], kinds[i])) || IsModifier(text) || IsVatRow(text))
                {
                    pending = null;
                    continue;
                }

                if (_itemLine is not null)
                {
                    if (FromPattern(text) is { } custom)
                    {
                        Add(custom);
                    }

                    continue;
                }

                var amount = amounts[i];
                var quantityLine = _quantityLine.Match(text);
                if (quantityLine.Success)
                {
                    var quantity = Number(quantityLine.Groups["q"].Value) ?? 1m;
                    var numbers = _numberToken.Matches(quantityLine.Groups["rest"].Value).Count;
                    if (pending is not null)
                    {
                        var unit = _amounts.Read(quantityLine.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty)?.Value;
                        var lineAmount = numbers >= 2 ? amount?.Value : unit * quantity;
                        Add(new ReceiptItem(pending, quantity, lineAmount));
                        lastItemLine = i;
                    }
                    else if (lastItemLine == i - 1 && found.Count > 0 && found[^1].Item.Quantity == 1m)
                    {
                        found[^1] = (found[^1].Item with { Quantity = quantity }, found[^1].Line);
                    }

                    pending = null;
                    continue;
                }

                if (amount is { Value: > 0m } && !text.Any(char.IsLetter) && lastItemLine == i - 1 && found.Count > 0 && found[^1].Item.Amount is null)
                {
                    // "1 x Prisma P1177" then "00017020036   250": the article code and the price on the line below.
                    found[^1] = (found[^1].Item with { Amount = amount.Value }, found[^1].Line);
                    pending = null;
                    continue;
                }

                if (amount is { Value: < 0m })
                {
                    pending = null; // a discount under an item ("-$1.00"): it counts in the sums, not as an item
                    continue;
                }

                if (amount is { Value: { } value } && (amount.HasDecimals || amount.Currency is not null || amount.Gap >= 2) && text.Any(char.IsLetter))
                {
                    var description = lines[i][..amount.Start].Trim();
                    if (description.Any(char.IsLetter))
                    {
                        Add(Item(description, value));
                        lastItemLine = i;
                        pending = null;
                        continue;
                    }
                }

                var leading = _leadingQuantity.Match(text);
                if (amount is null && leading.Success && leading.Groups["d"].Value.Any(char.IsLetter))
                {
                    Add(new ReceiptItem(leading.Groups["d"].Value.Trim(), Number(leading.Groups["q"].Value) ?? 1m, null));
                    lastItemLine = i;
                    pending = null;
                    continue;
                }

                pending = amount is null && text.Any(char.IsLetter) ? text : null;
            }

        }
    }

    /// <summary>"A 19%  8,40  1,60  10,00": a row of the VAT table (a rate and two or more amounts), not an item.</summary>
    private static bool IsVatRow(string text) =>
        text.Contains('%', StringComparison.Ordinal) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsAsciiDigit) && (word.Contains(',') || word.Contains('.')) && !word.Contains('%')) >= 2;

    /// <summary>"+ Bacon", ">> no onions", "· Coca 350ml": a modifier or note under an item, not an item.</summary>
    private static bool IsModifier(string text) => text.Length > 1 && text[0] is '+' or '>' or '·' or '•' or '~' && !char.IsDigit(text[1]);

    private bool IsNotAnItem(string folded, (ReceiptLineKind Kind, int At) kind)
    {
        var trimmed = folded.TrimStart();
        var offset = folded.Length - trimmed.Length;
        // Tax and savings labels never name a product; "cash", "change" and counts might ("Mars Bar"), so only a
        // line that starts with one of those is left out.
        if (kind.Kind is ReceiptLineKind.Tax or ReceiptLineKind.Savings
            || (kind.Kind is ReceiptLineKind.Change or ReceiptLineKind.CashGiven or ReceiptLineKind.ItemCount && kind.At <= offset))
        {
            return true;
        }

        if (_ignore.First(trimmed) is { Index: 0 })
        {
            return true;
        }

        return _numbers.Mentions(folded)
            || _isoDate.IsMatch(folded)
            || _date.IsMatch(folded)
            || _time.IsMatch(folded)
            || _copy.IsLineHeading(folded)
            || _refund.IsLineHeading(folded)
            || _card.First(trimmed) is { Index: 0 };
    }

    private ReceiptItem Item(string description, decimal amount)
    {
        var leading = _leadingQuantity.Match(description);
        if (leading.Success && leading.Groups["d"].Value.Any(char.IsLetter))
        {
            return new ReceiptItem(leading.Groups["d"].Value.Trim(), Number(leading.Groups["q"].Value) ?? 1m, amount);
        }

        // The quantity patterns below backtrack over the whole description: only a description with a digit after its
        // first letter can hold a quantity after the name.
        if (HasQuantityAfterName(description))
        {
            var unit = _quantityWithUnit.Match(description);
            if (unit.Success)
            {
                return new ReceiptItem(unit.Groups["d"].Value.Trim(), Number(unit.Groups["q"].Value) ?? 1m, amount);
            }

            var after = _quantityAfterName.Match(description);
            if (after.Success)
            {
                return new ReceiptItem(after.Groups["d"].Value.Trim(), Number(after.Groups["q"].Value) ?? 1m, amount);
            }

            var trailing = _trailingQuantity.Match(description);
            if (trailing.Success)
            {
                return new ReceiptItem(trailing.Groups["d"].Value.Trim(), Number(trailing.Groups["q"].Value) ?? 1m, amount);
            }
        }

        var count = _leadingCount.Match(description);
        if (count.Success && int.Parse(count.Groups["q"].Value, CultureInfo.InvariantCulture) is > 0 and < 100)
        {
            return new ReceiptItem(count.Groups["d"].Value.Trim(), int.Parse(count.Groups["q"].Value, CultureInfo.InvariantCulture), amount);
        }

        return new ReceiptItem(description, 1m, amount);
    }

    private static bool HasQuantityAfterName(string description)
    {
        var letter = description.AsSpan().IndexOfAnyInRange('A', 'z');
        var rest = letter < 0 ? description.AsSpan() : description.AsSpan(letter);
        return rest.IndexOfAnyInRange('0', '9') >= 0;
    }

    private ReceiptItem? FromPattern(string text)
    {
        var match = _itemLine!.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = _amounts.Read(match.Groups["amount"].Value)?.Value;
        var quantity = match.Groups["quantity"] is { Success: true } q ? Number(q.Value) ?? 1m : 1m;
        return new ReceiptItem(match.Groups["description"].Value.Trim(), quantity, amount);
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private (DateOnly? Date, TimeOnly? Time) FindDateAndTime(string[] lines)
    {
        DateOnly? date = null;
        TimeOnly? time = null;
        foreach (var line in lines)
        {
            if (date is null)
            {
                date = IsoDate(line) ?? OtherDate(line);
            }

            if (time is null && _time.Match(line) is { Success: true } t)
            {
                var seconds = t.Groups["s"].Success ? int.Parse(t.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                time = new TimeOnly(int.Parse(t.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(t.Groups["m"].Value, CultureInfo.InvariantCulture), seconds);
            }

            if (date is not null && time is not null)
            {
                break;
            }
        }

        return (date, time);
    }

    private DateOnly? IsoDate(string line)
    {
        var m = _isoDate.Match(line);
        return m.Success ? MakeDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) : null;
    }

    private DateOnly? OtherDate(string line)
    {
        var m = _date.Match(line);
        if (!m.Success)
        {
            return null;
        }

        var a = m.Groups["a"].Value;
        var b = m.Groups["b"].Value;
        var y = m.Groups["y"].Value;
        var dayFirst = _profile.DateOrder == DateOrder.DayMonthYear;
        return (dayFirst ? MakeDate(y, b, a) : MakeDate(y, a, b)) ?? (dayFirst ? MakeDate(y, a, b) : MakeDate(y, b, a));
    }

    private static DateOnly? MakeDate(string year, string month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        if (year.Length == 2)
        {
            y += 2000;
        }

        var mo = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return y is >= 1990 and <= 2200 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private string? FindPaymentType(string[] folded, (ReceiptLineKind Kind, int At)[] kinds, int from)
    {
        foreach (var range in new[] { (from, folded.Length), (0, from) })
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                if (kinds[i].Kind == ReceiptLineKind.CashGiven)
                {
                    return "cash";
                }

                if (kinds[i].Kind is ReceiptLineKind.Other or ReceiptLineKind.Total && _card.First(folded[i]) is not null)
                {
                    return "card";
                }
            }
        }

        return null;
    }
}
