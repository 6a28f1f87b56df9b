namespace PosLoyalty.Storage.Privacy;

public sealed record ExportedItem(string? Sku, string Description, decimal Quantity, decimal Amount);
