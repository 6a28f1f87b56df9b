namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// A sale keyed in on a till without a receipt tap. <see cref="Items"/> are free-text descriptions;
/// <see cref="CustomerId"/> is the customer on screen, if any.
/// </summary>
public sealed record ManualSaleCommand(decimal Amount, IReadOnlyList<string> Items, long? CustomerId = null) : PanelCommand;
