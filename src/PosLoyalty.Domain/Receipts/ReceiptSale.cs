namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// What one printed receipt says about a sale, read by <see cref="ReceiptSaleExtractor"/> from its masked text.
/// </summary>
/// <param name="Total">The amount due, negative for a refund; null when the receipt prints no total (a kitchen ticket, a slip).</param>
/// <param name="Currency">An ISO 4217 code when the printed sign names one currency (€ → EUR), else the sign as the profile reports it ("$", "kr"); null when none is printed.</param>
/// <param name="ReceiptNumber">The receipt number ("Receipt #", "Bon-Nr", "Kvitto nr", "Fiş No" …, or a number by the date), or null.</param>
/// <param name="Date">The first date printed, or null.</param>
/// <param name="Time">The first time of day printed, or null.</param>
/// <param name="Items">The item lines, in order.</param>
/// <param name="PaymentType">"card" or "cash" when a tender line names one, else null.</param>
/// <param name="Refund">True for a refund: a negative total or a refund heading.</param>
/// <param name="Copy">True for a copy or reprint ("** COPY **", "KOPIE", "REPRINT" …): it earns nothing.</param>
/// <param name="Text">The receipt's text, card numbers masked, lines joined with '\n'.</param>
public sealed record ReceiptSale(
    decimal? Total,
    string? Currency,
    string? ReceiptNumber,
    DateOnly? Date,
    TimeOnly? Time,
    IReadOnlyList<ReceiptItem> Items,
    string? PaymentType,
    bool Refund,
    bool Copy,
    string Text)
{
    /// <summary>What the document is; only <see cref="ReceiptKind.Sale"/> and <see cref="ReceiptKind.Refund"/> are ever credited.</summary>
    public ReceiptKind Kind { get; init; } = Total is null ? ReceiptKind.Other : Refund ? ReceiptKind.Refund : ReceiptKind.Sale;

    /// <summary>How sure the reader is of the total, from 0 (a guess) to 1 (every piece of evidence agrees).</summary>
    public double Confidence { get; init; } = Total is null ? 0d : 1d;

    /// <summary>Why the reader chose this total and kind, one short phrase each ("label TOTAL", "bold", "items add up").</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The index, in <see cref="Text"/>'s lines, of the line the total was read from; null when none.</summary>
    public int? TotalLineIndex { get; init; }

    /// <summary>The index, in <see cref="Text"/>'s lines, of the line the receipt number was read from; null when none (or from a barcode).</summary>
    public int? ReceiptNumberLineIndex { get; init; }

    /// <summary>True when the receipt is a sale or refund with a total: only then can it be credited.</summary>
    public bool IsSale => Total is not null && Kind is ReceiptKind.Sale or ReceiptKind.Refund;

    /// <summary>True for a kitchen ticket or any slip without a total: not a sale.</summary>
    public bool NoTotal => Total is null;
}
