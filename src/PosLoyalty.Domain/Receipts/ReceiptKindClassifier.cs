namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Tells a sale from the other documents a POS prints on the same printer: reports, kitchen and bar tickets,
/// order slips and pre-bills, test pages, tip slips and vouchers. Markers count only on lines that print no amount
/// ("Gift card 25.00" is an item, not a voucher); a marker that could be part of a shop's name ("Thai Kitchen")
/// counts only as a heading of its own or on a document whose items carry no prices. Structure speaks too: a
/// document that lists items without prices and prints a total is an order, not a paid sale.
/// </summary>
internal sealed class ReceiptKindClassifier
{
    private readonly LabelSet _report;
    private readonly LabelSet _kitchen;
    private readonly LabelSet _order;
    private readonly LabelSet _test;
    private readonly LabelSet _tip;
    private readonly LabelSet _voucher;
    private readonly LabelSet _paymentSlip;

    public ReceiptKindClassifier(ReceiptProfile profile)
    {
        _report = new LabelSet(profile.ReportMarkers);
        _kitchen = new LabelSet(profile.KitchenMarkers);
        _order = new LabelSet(profile.OrderMarkers);
        _test = new LabelSet(profile.TestMarkers);
        _tip = new LabelSet(profile.TipMarkers);
        _voucher = new LabelSet(profile.VoucherMarkers);
        _paymentSlip = new LabelSet(profile.PaymentSlipMarkers);
    }

    /// <summary>What the document is, and the phrase that says why.</summary>
    /// <param name="folded">The folded lines.</param>
    /// <param name="hasAmount">Per line: true when it ends in an amount.</param>
    /// <param name="hasTotal">True when a total was read.</param>
    /// <param name="pricedItems">Item lines with an amount.</param>
    /// <param name="unpricedItems">Item lines without one ("2 x Burger").</param>
    /// <param name="refund">True when the reader found a refund.</param>
    /// <param name="paid">True when a tender line (cash, card, change) prints an amount.</param>
    public (ReceiptKind Kind, string Evidence) Classify(string[] folded, bool[] hasAmount, bool hasTotal, int pricedItems, int unpricedItems, bool refund, bool paid)
    {
        var text = Enumerable.Range(0, folded.Length).Where(i => !hasAmount[i]).Select(i => folded[i]).ToArray();
        var printed = text.Where(line => line.Any(char.IsLetterOrDigit)).ToArray();
        var top = printed.Take(Math.Max(3, (printed.Length + 2) / 3)).ToArray();

        // A report or test page may print its heading with a number ("Z-Bon Nr. 0156"): every line counts for these.
        if (Marker(_test, folded) is { } test)
        {
            return (ReceiptKind.Test, $"test page: \"{test}\"");
        }

        if (Marker(_report, folded) is { } report)
        {
            return (ReceiptKind.Report, $"report: \"{report}\"");
        }

        if (top.FirstOrDefault(line => Words(line) <= 4 && _tip.First(line) is not null && !line.Contains("__", StringComparison.Ordinal)) is { } tip)
        {
            return (ReceiptKind.Tip, $"tip slip: \"{tip.Trim()}\"");
        }

        if (!paid && printed.FirstOrDefault(_voucher.IsLineHeading) is { } voucher)
        {
            return (ReceiptKind.Voucher, $"voucher: \"{voucher.Trim()}\"");
        }

        // A card terminal's slip printed after the receipt repeats its total: with a masked card, a terminal's words
        // and no items, it is the payment, not a second sale.
        if (pricedItems == 0 && unpricedItems == 0 && folded.Any(line => line.Contains("****", StringComparison.Ordinal) || line.Contains("XXXX", StringComparison.Ordinal))
            && Marker(_paymentSlip, folded) is { } slip)
        {
            return (ReceiptKind.Other, $"card payment slip: \"{slip}\"");
        }

        var weak = pricedItems == 0;
        if (printed.FirstOrDefault(line => _kitchen.IsLineHeading(line) || (weak && _kitchen.First(line) is not null)) is { } kitchen)
        {
            return (ReceiptKind.Kitchen, $"kitchen ticket: \"{kitchen.Trim()}\"");
        }

        // An order marker counts as a heading, as a phrase of two words, at the start of a line ("ORÇAMENTO Nº 0042"),
        // or on a document whose items carry no prices.
        if (folded.FirstOrDefault(line => _order.First(line) is { } m
            && (weak || Words(m.Value) >= 2 || _order.IsLineHeading(line) || line[..m.Index].All(c => !char.IsLetterOrDigit(c)))) is { } order)
        {
            return (ReceiptKind.Order, $"order slip: \"{order.Trim()}\"");
        }

        if (!hasTotal)
        {
            return unpricedItems > 0 ? (ReceiptKind.Kitchen, "items without prices and no total") : (ReceiptKind.Other, "no total printed");
        }

        if (pricedItems == 0 && unpricedItems > 0 && !paid)
        {
            return (ReceiptKind.Order, "items without prices: an order, not a paid sale");
        }

        return refund ? (ReceiptKind.Refund, "refund") : (ReceiptKind.Sale, "sale");
    }

    private static string? Marker(LabelSet markers, string[] lines)
    {
        foreach (var line in lines)
        {
            if (markers.First(line) is { } match)
            {
                return match.Value.Trim();
            }
        }

        return null;
    }

    private static int Words(string line) => line.Split([' ', '*', '-', '=', '#', ':', '/'], StringSplitOptions.RemoveEmptyEntries).Length;
}
