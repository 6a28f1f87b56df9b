using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// A sale was applied. <see cref="Customer"/> is the card as it stands after the sale (points and
/// stamps updated); null when the sale had no customer and earned nothing.
/// </summary>
public sealed record SaleCompletedEvent(SaleOutcome Outcome, CustomerCardModel? Customer = null, string? ReceiptNumber = null) : PanelEvent;
