using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>A customer ranked by net spend (refunds subtract) over the last 12 months.</summary>
public sealed record TopCustomer(int Rank, CustomerId Id, string Name, long Visits, decimal Spend, DateTimeOffset? LastVisitAt);
