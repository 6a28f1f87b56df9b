using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>
/// One push and pull: the whole outbox in order, then everything the other tills added since the last pull, then
/// PostgreSQL's card decisions when anything moved.
/// </summary>
public sealed class ChainSync(ChainStore store, ChainOutbox outbox, ChainInbox inbox, TimeProvider time)
{
    private const int BatchSize = 500;

    // While nothing moves, the times for `chain status` are written this often, not at every round: a till's
    // SD card should not take a write a second to say that nothing happened.
    private static readonly TimeSpan IdleRecordInterval = TimeSpan.FromSeconds(30);

    private DateTimeOffset? recordedAt;

    public async Task<ChainSyncRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var pushed = 0;
        while (true)
        {
            var batch = outbox.ReadUnpushed(BatchSize);
            if (batch.Count == 0)
            {
                break;
            }

            var lostClaims = new List<(string Code, string HolderTill)>();
            pushed += await store.PushAsync(batch, cancellationToken, lostClaims);
            outbox.RecordCouponConflicts(lostClaims, time.GetUtcNow()); // before the mark: a push repeated after a crash finds them again
            outbox.MarkPushed(batch[^1].Seq, time.GetUtcNow());
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        var pulled = 0;
        var applied = 0;
        while (true)
        {
            var events = await store.PullAsync(inbox.Cursors(), BatchSize, cancellationToken);
            pulled += events.Count;
            applied += inbox.Receive(events);
            if (events.Count < BatchSize)
            {
                break;
            }
        }

        var now = time.GetUtcNow();
        if (pushed > 0 || pulled > 0 || recordedAt is not { } last || now - last >= IdleRecordInterval)
        {
            // A card conflict is born in a push's transaction, beside the claimant's event: this till's push made it,
            // or this pull brought the event, so a round that moved nothing has no new decision to fetch.
            inbox.ReceiveCardConflicts(await store.PullCardConflictsAsync(cancellationToken));
            outbox.RecordSync(now, now);
            recordedAt = now;
        }

        return new ChainSyncRound(pushed, pulled, applied);
    }
}
