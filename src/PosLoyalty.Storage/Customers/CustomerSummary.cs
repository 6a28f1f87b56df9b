using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

/// <summary>A search hit: enough to pick the right person, masked where others can see.</summary>
public sealed record CustomerSummary(CustomerId Id, string Name, string? Greeting, string? Card, string? Phone, DateTimeOffset? LastVisitAt);
