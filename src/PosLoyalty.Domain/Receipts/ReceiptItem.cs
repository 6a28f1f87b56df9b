namespace PosLoyalty.Domain.Receipts;

/// <summary>One line of what was bought.</summary>
/// <param name="Description">The item's text as printed (masked).</param>
/// <param name="Quantity">The printed quantity; 1 when none is printed.</param>
/// <param name="Amount">The line amount; null on a kitchen ticket that prints no prices.</param>
public sealed record ReceiptItem(string Description, decimal Quantity, decimal? Amount);
