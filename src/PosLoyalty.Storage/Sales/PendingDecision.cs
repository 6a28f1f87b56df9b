namespace PosLoyalty.Storage.Sales;

/// <summary>What confirming or dropping a pending sale did.</summary>
/// <param name="Sale">The pending sale after the decision.</param>
/// <param name="Changed">False when it had been decided before: a second confirm or drop changes nothing.</param>
/// <param name="Credited">The committed sale when a confirm credited a customer; null when dropped, decided before,
/// kept unclaimed (nobody at the counter), or already recorded some other way.</param>
public sealed record PendingDecision(PendingSaleView Sale, bool Changed, SaleOutcome? Credited);
