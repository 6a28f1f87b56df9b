namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// What one printed receipt says about a sale, read by <see cref="ReceiptSaleExtractor"/> from its masked text.
/// </summary>
/// <param name="Total">The amount due, negative for a refund; null when the receipt prints no total (a kitchen ticket, a slip): not a sale.</param>
/// <param name="Currency">An ISO 4217 code when the printed sign names one currency (€ → EUR), else the sign as the profile reports it ("$", "kr"); null when none is printed.</param>
/// <param name="ReceiptNumber">The receipt number after its label ("Receipt #", "Bon-Nr", "Kvitto nr" …), or null.</param>
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
    /// <summary>True when the receipt prints a total: only then is it a sale.</summary>
    public bool IsSale => Total is not null;

    /// <summary>True for a kitchen ticket or any slip without a total: not a sale.</summary>
    public bool NoTotal => Total is null;
}
