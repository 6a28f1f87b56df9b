namespace PosLoyalty.Storage.Customers;

/// <summary>
/// Everything the counter shows about one customer, read from one snapshot: the profile (points, visits, notes,
/// stamps, coupons) and the counter facts ("usually buys", the previous visit, alerts) agree on which sales exist.
/// </summary>
public sealed record CustomerCardSnapshot(CustomerProfile Profile, CounterFacts Facts, DateTimeOffset ReadAt);
