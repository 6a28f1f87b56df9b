using Npgsql;
using NpgsqlTypes;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>
/// PostgreSQL's say over who holds a card, filled by the push in the event's own transaction: the first enrolment or
/// card replacement to reach PostgreSQL claims the card; a later claim by another customer becomes a row of
/// card_conflicts (a merge to review), and its event is kept all the same.
/// </summary>
internal sealed class ChainCardClaims : IAsyncDisposable
{
    private readonly NpgsqlCommand claim;
    private readonly NpgsqlCommand conflict;

    private ChainCardClaims(NpgsqlCommand claim, NpgsqlCommand conflict)
    {
        this.claim = claim;
        this.conflict = conflict;
    }

    public static async Task<ChainCardClaims> PrepareAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string shopId, string tillId, CancellationToken cancellationToken)
    {
        // The cards an event claims: an enrolment's list, or a replacement's one new card. A redacted payload claims none.
        const string Claimed = """
            SELECT DISTINCT c.card FROM (
                SELECT jsonb_array_elements(CASE WHEN jsonb_typeof($1->'cards') = 'array' THEN $1->'cards' ELSE '[]'::jsonb END)->>'card' AS card WHERE $2 = 'customer-enrolled'
                UNION ALL SELECT $1->>'card' WHERE $2 = 'card-replaced'
            ) c WHERE c.card IS NOT NULL
            """;
        var claim = new NpgsqlCommand(
            $"INSERT INTO cards (card, customer, event_id, shop_id, till_id) SELECT card, $3, $4, $5, $6 FROM ({Claimed}) k ON CONFLICT (card) DO NOTHING",
            connection,
            tx);

        // A second statement, so that it sees a claim committed by another till's push while this one waited on it.
        var conflict = new NpgsqlCommand(
            $"INSERT INTO card_conflicts (claimant_event, card, holder, claimant, shop_id, till_id) SELECT $4, h.card, h.customer, $3, $5, $6 FROM ({Claimed}) k JOIN cards h ON h.card = k.card WHERE h.customer <> $3 ORDER BY h.card LIMIT 1 ON CONFLICT (claimant_event) DO NOTHING",
            connection,
            tx);
        foreach (var cmd in new[] { claim, conflict })
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb });
            cmd.Parameters.Add(new NpgsqlParameter<string>());
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = shopId });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tillId });
            await cmd.PrepareAsync(cancellationToken);
        }

        return new ChainCardClaims(claim, conflict);
    }

    /// <summary>Claims the event's cards for its customer; records a conflict when another customer holds one.</summary>
    public async Task ClaimAsync(OutboxEvent e, CancellationToken cancellationToken)
    {
        if (e.Customer is not { } customer || e.Kind is not (ChainEventKinds.CustomerEnrolled or ChainEventKinds.CardReplaced))
        {
            return;
        }

        foreach (var cmd in new[] { claim, conflict })
        {
            ((NpgsqlParameter<string>)cmd.Parameters[0]).TypedValue = e.PayloadJson;
            ((NpgsqlParameter<string>)cmd.Parameters[1]).TypedValue = e.Kind;
            ((NpgsqlParameter<Guid>)cmd.Parameters[2]).TypedValue = customer;
            ((NpgsqlParameter<Guid>)cmd.Parameters[3]).TypedValue = e.EventId;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await claim.DisposeAsync();
        await conflict.DisposeAsync();
    }
}
