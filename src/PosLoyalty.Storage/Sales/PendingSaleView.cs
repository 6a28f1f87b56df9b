using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Sales;

/// <summary>A sale held for the cashier, as the panel and `receipts pending` show it.</summary>
/// <param name="Id">The id `receipts confirm ID` and `receipts drop ID` take.</param>
/// <param name="Total">What the sale would credit, in the shop's currency.</param>
/// <param name="At">When the sale completed, in the till's local offset.</param>
/// <param name="CustomerId">The customer at the counter when it completed, or the one a late scan gave it; null: nobody.</param>
/// <param name="CustomerName">How that customer likes to be greeted; null when there is none (or they were erased).</param>
/// <param name="Kind">What the reader took the document for ("sale").</param>
/// <param name="Confidence">How sure the reader was of the total, 0–1; 1 when the POS sent the sale.</param>
/// <param name="Reason">Why it was held ("confidence 0.42 below 0.60", "total 250.00 above 200.00").</param>
/// <param name="ItemCount">Item lines it carries.</param>
public sealed record PendingSaleView(
    long Id,
    string TillId,
    string ReceiptNumber,
    Money Total,
    DateTimeOffset At,
    CustomerId? CustomerId,
    string? CustomerName,
    string Kind,
    double Confidence,
    string Reason,
    PendingSaleState State,
    DateTimeOffset HeldAt,
    DateTimeOffset? DecidedAt,
    int ItemCount);
