namespace PosLoyalty.Storage.Customers;

/// <summary>
/// What the counter shows beyond the profile: the top items from their receipts, the visit before this
/// one, and the alerts.
/// </summary>
/// <param name="PreviousVisitAt">The latest visit that is not the one in progress (a sale in the last
/// <see cref="CounterQueries.CurrentVisitWindow"/> belongs to this visit); null for a first visit.</param>
public sealed record CounterFacts(IReadOnlyList<string> UsuallyBuys, DateTimeOffset? PreviousVisitAt, IReadOnlyList<CounterAlert> Alerts);
