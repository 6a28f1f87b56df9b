namespace PosLoyalty.Panel.Model;

/// <summary>
/// The customer's tier and how far the next one is. <see cref="SpendSoFar"/> is optional: without it
/// the panel says how much is missing but draws no progress bar.
/// </summary>
public sealed record TierStanding(string Name, string? NextName = null, decimal? SpendToNext = null, decimal? SpendSoFar = null);
