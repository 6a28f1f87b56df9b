namespace PosLoyalty.Host.Cli;

/// <summary>Receipts that printed one currency while the shop's is another, counted over doctor's window.</summary>
internal sealed record DoctorCurrencyMismatch(string PrintedCurrency, string ShopCurrency, long Receipts, DateTimeOffset LastAt);
