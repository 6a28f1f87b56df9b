namespace PosLoyalty.Panel.Model;

/// <summary>A sale waiting for the cashier, as the panel shows it: no receipt text, the customer by greeting name.</summary>
/// <param name="Id">What a confirm or drop names.</param>
/// <param name="CustomerName">How the customer likes to be greeted; null: nobody was at the counter.</param>
/// <param name="Reason">Why it waits ("total 250.00 above 200.00").</param>
public sealed record PendingSaleModel(long Id, string ReceiptNumber, decimal Total, DateTimeOffset At, string? CustomerName, string Reason);
