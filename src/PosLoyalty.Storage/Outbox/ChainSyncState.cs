namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// What this till knows of its sync: events not pushed yet and the oldest of them, the last successful push and
/// pull, pulled events still waiting to apply (and how many wait for each reason: "customer unknown here yet", or
/// "could not be applied here: …" for one whose content this till cannot apply), and conflicts left for review.
/// </summary>
public sealed record ChainSyncState(
    long OutboxDepth,
    DateTimeOffset? OldestUnpushedAt,
    DateTimeOffset? LastPushAt,
    DateTimeOffset? LastPullAt,
    long WaitingToApply,
    IReadOnlyDictionary<string, long> WaitingReasons,
    long Conflicts);
