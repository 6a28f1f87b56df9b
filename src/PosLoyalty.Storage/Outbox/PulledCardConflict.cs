namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// One of PostgreSQL's card decisions, as the pull reads it: <paramref name="Card"/> (as the tills store it) was
/// claimed first for <paramref name="Holder"/> at the holder's shop and till, and later by <paramref name="Claimant"/>
/// through the event <paramref name="ClaimantEvent"/> at the claimant's.
/// </summary>
public sealed record PulledCardConflict(
    Guid ClaimantEvent,
    string Card,
    Guid Holder,
    string HolderShopId,
    string HolderTillId,
    Guid Claimant,
    string ClaimantShopId,
    string ClaimantTillId,
    DateTimeOffset FoundAt);
