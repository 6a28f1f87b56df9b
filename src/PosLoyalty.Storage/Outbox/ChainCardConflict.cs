using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// A card two customers were given, open for review at this till: PostgreSQL gave it to <paramref name="Holder"/>,
/// the first claim to reach it; <paramref name="Claimant"/> claimed it later. <paramref name="Keep"/> and
/// <paramref name="Duplicate"/> are the records to merge here (the holder's and the claimant's, or whom they were
/// merged into since). Names no person: the card is masked.
/// </summary>
public sealed record ChainCardConflict(
    string MaskedCard,
    ChainConflictCustomer Holder,
    ChainConflictCustomer Claimant,
    DateTimeOffset FoundAt,
    CustomerId Keep,
    CustomerId Duplicate);
