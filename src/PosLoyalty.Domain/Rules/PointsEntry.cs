using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>One row for the points ledger: a signed change and why.</summary>
public sealed record PointsEntry(Points Delta, LedgerReason Reason);
