namespace PosLoyalty.Domain.Receipts;

/// <summary>What a receipt line's label says it is.</summary>
internal enum ReceiptLineKind
{
    Other,
    Rule,
    AmountDue,
    Total,
    Subtotal,
    Tax,
    Savings,
    Change,
    CashGiven,
    ItemCount,
}
