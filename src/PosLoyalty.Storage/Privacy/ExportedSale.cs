namespace PosLoyalty.Storage.Privacy;

public sealed record ExportedSale(string Till, string ReceiptNumber, string Kind, DateTimeOffset At, decimal Total, string Currency, IReadOnlyList<ExportedItem> Items);
