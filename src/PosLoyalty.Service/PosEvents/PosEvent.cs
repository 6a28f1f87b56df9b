using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Service.PosEvents;

/// <summary>
/// One event line from the POS, as read by <see cref="PosEventReader"/> (docs/pos-protocol.md). A refund or void
/// names the original sale's <paramref name="ReceiptNumber"/>.
/// </summary>
/// <param name="Type">sale, refund or void.</param>
/// <param name="Till">The till the sale happened at; null means this till (Till:Id). A POS may send for several tills.</param>
/// <param name="ReceiptNumber">With the till, identifies the sale for life: the same number twice earns once.</param>
/// <param name="Total">The amount due, at least 0 for a sale; optional for a refund or void (what the sale earned is reversed).</param>
/// <param name="Currency">The ISO 4217 code the POS sent, if any.</param>
/// <param name="Items">What was bought; may be empty.</param>
/// <param name="At">When the sale completed, with its offset; null means when the line arrived.</param>
public sealed record PosEvent(PosEventType Type, string? Till, string ReceiptNumber, decimal? Total, string? Currency, IReadOnlyList<PosEventItem> Items, DateTimeOffset? At)
{
    /// <summary>
    /// What the till session handles. A shop has one currency: amounts are counted in <paramref name="shopCurrency"/>
    /// whatever <see cref="Currency"/> says, and a different currency is kept as the receipt currency (logged, shown
    /// by doctor), as for a printed receipt — a misconfigured POS must not cost customers their visits.
    /// </summary>
    /// <exception cref="DomainValidationException">The sale breaks a domain rule (cannot happen for a line the reader accepted).</exception>
    public TillReceipt ToTillReceipt(string defaultTillId, CurrencyCode shopCurrency, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultTillId);
        var items = Items.Select(item => new SaleItem(item.Sku, item.Description, item.Quantity, new Money(item.Amount, shopCurrency))).ToList();
        var kind = Type switch
        {
            PosEventType.Refund => TillReceiptKind.Refund,
            PosEventType.Void => TillReceiptKind.Void,
            _ => TillReceiptKind.Sale,
        };
        var total = new Money(Math.Abs(Total ?? 0m), shopCurrency);
        var sale = Sale.Create(Till ?? defaultTillId, ReceiptNumber, total, At ?? now, items);
        return new TillReceipt(kind, sale, Copy: false, ReceiptToTill.Mismatch(Currency, shopCurrency));
    }
}
