using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Till;

/// <summary>A loyalty card was scanned: this customer is at the counter.</summary>
/// <param name="Profile">Everything the counter shows.</param>
/// <param name="LateClaim">When the scan came just after payment: the receipt it claimed and what it earned.</param>
public sealed record CustomerIdentified(DateTimeOffset At, CustomerProfile Profile, SaleOutcome? LateClaim) : TillEvent(At);
