namespace PosLoyalty.Service.PosEvents;

/// <summary>One item of a POS event, as the POS sent it (validated by <see cref="PosEventReader"/>).</summary>
/// <param name="Sku">The POS's article code, if it sent one.</param>
/// <param name="Description">What was bought, 1 to 200 characters; stamp cards match on it.</param>
/// <param name="Quantity">Above 0.</param>
/// <param name="Amount">The line's amount in the shop's currency; negative for a discount line.</param>
public sealed record PosEventItem(string? Sku, string Description, decimal Quantity, decimal Amount);
