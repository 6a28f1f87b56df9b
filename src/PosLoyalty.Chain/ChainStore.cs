using Npgsql;
using NpgsqlTypes;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>The events table as one till sees it: push its own, pull everyone else's.</summary>
public sealed class ChainStore(NpgsqlDataSource dataSource, string shopId, string tillId)
{
    /// <summary>
    /// Inserts the events in one transaction, in seq order. An event already there (same event_id) is skipped, so a
    /// push repeated after a lost reply changes nothing. A different event with this till's seq is refused, never
    /// dropped: it means two files claim to be this till (a restored backup, a copied SD card). An enrolment or card
    /// replacement also claims its cards in the same transaction: the first claim to reach PostgreSQL keeps a card. A
    /// coupon redemption claims its code in coupon_redemptions, in the same transaction: one redeemed offline whose
    /// code another till already holds is added to <paramref name="lostClaims"/> (code, holder), every time it is
    /// pushed, and the event is kept all the same.
    /// </summary>
    public async Task<int> PushAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken, ICollection<(string Code, string HolderTill)>? lostClaims = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO events (event_id, shop_id, till_id, seq, kind, customer, payload, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING",
            connection,
            tx);
        var id = new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid };
        var seq = new NpgsqlParameter<long>();
        var kind = new NpgsqlParameter<string>();
        var customer = new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid };
        var payload = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb };
        var at = new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz };
        cmd.Parameters.Add(id);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = shopId });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tillId });
        cmd.Parameters.Add(seq);
        cmd.Parameters.Add(kind);
        cmd.Parameters.Add(customer);
        cmd.Parameters.Add(payload);
        cmd.Parameters.Add(at);
        await cmd.PrepareAsync(cancellationToken);
        await using var claims = await ChainCardClaims.PrepareAsync(connection, tx, shopId, tillId, cancellationToken);
        var inserted = 0;
        foreach (var e in events.OrderBy(e => e.Seq))
        {
            id.TypedValue = e.EventId;
            seq.TypedValue = e.Seq;
            kind.TypedValue = e.Kind;
            customer.Value = e.Customer is { } g ? g : DBNull.Value;
            payload.TypedValue = e.PayloadJson;
            at.TypedValue = e.At.UtcDateTime;
            int added;
            try
            {
                added = await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new ChainException($"PostgreSQL already holds another event as seq {e.Seq} of till '{tillId}' in shop '{shopId}': two databases claim to be this till (a restored backup, or Till:Id shared by two tills); nothing was pushed", ex);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new ChainException($"PostgreSQL refused events as till '{tillId}' of shop '{shopId}' from this login ({ex.MessageText}): the login must be in the till role, and till_logins must map it to exactly this shop and till (docs/chain.md, setup step 2); nothing was pushed", ex);
            }

            if (added > 0)
            {
                // Only an event new to PostgreSQL claims its cards: a repeated push decides nothing twice.
                await claims.ClaimAsync(e, cancellationToken);
                inserted += added;
            }

            // Every push, not only the first: a push repeated after a lost reply finds the same holder again.
            if (e.Kind == ChainEventKinds.CouponRedeemed && RedeemedCode(e.PayloadJson) is { } code)
            {
                var claim = await ClaimAsync(connection, tx, code, e.At, cancellationToken);
                if (claim.Result == ChainClaimResult.TakenElsewhere)
                {
                    lostClaims?.Add((code, claim.HolderTill!));
                }
            }
        }

        await tx.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// The other tills' events after each till's cursor, in order of arrival. Cursors are per till, not one position,
    /// because positions are handed out at insert but become visible at commit: a position cursor could step over
    /// an event whose transaction commits late. Each till listed in event_tills is asked through its (shop, till, seq)
    /// index for at most <paramref name="limit"/> events after its cursor; the first <paramref name="limit"/> of those
    /// by position are the answer (within a till, seq order is position order: a till pushes in seq order). So a pull
    /// costs one index probe per till, not a read of every event the chain ever held.
    /// </summary>
    public async Task<IReadOnlyList<PulledEvent>> PullAsync(IReadOnlyDictionary<(string Shop, string Till), long> cursors, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            """
            SELECT e.position, e.event_id, e.shop_id, e.till_id, e.seq, e.kind, e.customer, e.payload::text, e.occurred_at
            FROM event_tills t
            LEFT JOIN unnest($1::text[], $2::text[], $3::bigint[]) AS k(shop_id, till_id, seq) ON k.shop_id = t.shop_id AND k.till_id = t.till_id
            CROSS JOIN LATERAL (
                SELECT * FROM events x
                WHERE x.shop_id = t.shop_id AND x.till_id = t.till_id AND x.seq > coalesce(k.seq, 0)
                ORDER BY x.seq
                LIMIT $6
            ) e
            WHERE NOT (t.shop_id = $4 AND t.till_id = $5)
            ORDER BY e.position
            LIMIT $6
            """,
            connection);
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. cursors.Keys.Select(k => k.Shop)] });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. cursors.Keys.Select(k => k.Till)] });
        cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. cursors.Values] });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = shopId });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tillId });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<PulledEvent>();
        while (await r.ReadAsync(cancellationToken))
        {
            events.Add(new PulledEvent(
                r.GetInt64(0),
                r.GetGuid(1),
                r.GetString(2),
                r.GetString(3),
                r.GetInt64(4),
                r.GetString(5),
                r.IsDBNull(6) ? null : r.GetGuid(6),
                r.GetString(7),
                new DateTimeOffset(r.GetDateTime(8), TimeSpan.Zero)));
        }

        return events;
    }

    /// <summary>
    /// PostgreSQL's card decisions: every row of card_conflicts with the shop and till of the holder's claim. Conflicts
    /// are rare (two tills enrolling one card while apart) and a row is never changed, so the whole table is read:
    /// the till keeps those about customers it knows (<see cref="ChainInbox.ReceiveCardConflicts"/>).
    /// </summary>
    public async Task<IReadOnlyList<PulledCardConflict>> PullCardConflictsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            """
            SELECT k.claimant_event, k.card, k.holder, h.shop_id, h.till_id, k.claimant, k.shop_id, k.till_id, k.found_at
            FROM card_conflicts k JOIN cards h ON h.card = k.card
            ORDER BY k.found_at, k.claimant_event
            """,
            connection);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var conflicts = new List<PulledCardConflict>();
        while (await r.ReadAsync(cancellationToken))
        {
            conflicts.Add(new PulledCardConflict(
                r.GetGuid(0),
                r.GetString(1),
                r.GetGuid(2),
                r.GetString(3),
                r.GetString(4),
                r.GetGuid(5),
                r.GetString(6),
                r.GetString(7),
                new DateTimeOffset(r.GetDateTime(8), TimeSpan.Zero)));
        }

        return conflicts;
    }

    /// <summary>
    /// Redeems <paramref name="code"/> chain-wide for this till by one conditional INSERT that a second till loses:
    /// Won when this till holds the redemption now (or held it already), else TakenElsewhere naming the holder.
    /// </summary>
    public async Task<ChainClaim> ClaimCouponAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ClaimAsync(connection, null, code, at, cancellationToken);
    }

    /// <summary>
    /// Can this till use the chain: does it answer, is the schema there, and may this login write as this till? A
    /// login with no till_logins row, or another till's, can read but every push and redemption is refused (row-level
    /// security); that is said here, with the command that fixes it, instead of being taken for an unreachable server.
    /// Throws <see cref="ChainException"/> naming what is wrong; returns the schema version.
    /// </summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var version = await ChainSchema.ReadVersionAsync(connection, cancellationToken);
        if (version == 0)
        {
            throw new ChainException("PostgreSQL answers, but the chain's schema is not there: run `posloyalty chain init` as the database's owner");
        }

        if (version < ChainSchema.CurrentVersion)
        {
            throw new ChainException($"PostgreSQL answers, but the chain's schema is at version {version} and this till needs {ChainSchema.CurrentVersion}: run `posloyalty chain init` as the database's owner (it migrates, and is safe to run again)");
        }

        await using var cmd = new NpgsqlCommand(
            """
            SELECT session_user::text,
                   r.rolsuper OR r.rolbypassrls OR session_user = (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'events'::regclass),
                   t.shop_id, t.till_id
            FROM pg_roles r LEFT JOIN till_logins t ON t.login = r.rolname
            WHERE r.rolname = session_user
            """,
            connection);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken) || r.GetBoolean(1))
        {
            return version; // the owner or a superuser: no policy binds it
        }

        var login = r.GetString(0);
        if (r.IsDBNull(2))
        {
            throw new ChainException($"PostgreSQL answers, but login {login} is no till's (it has no till_logins row), so every push and redemption is refused: as the owner, run `posloyalty chain add-till --login {login} --shop {shopId} --till {tillId}`");
        }

        var (shop, till) = (r.GetString(2), r.GetString(3));
        if (shop != shopId || till != tillId)
        {
            throw new ChainException($"PostgreSQL answers, but login {login} is till '{till}' of shop '{shop}', not this till ('{tillId}' of shop '{shopId}'), so every push and redemption is refused: give this till its own login (`posloyalty chain add-till`), or correct Till:Id / Chain:ShopId");
        }

        return version;
    }

    private static string? RedeemedCode(string payloadJson) =>
        System.Text.Json.Nodes.JsonNode.Parse(payloadJson)?["code"]?.GetValue<string>();

    private async Task<ChainClaim> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        (string Shop, string Till)? holder = null;
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO coupon_redemptions (code, shop_id, till_id, redeemed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING shop_id, till_id",
            connection,
            tx))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = shopId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tillId });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var r = await insert.ExecuteReaderAsync(cancellationToken);
            if (await r.ReadAsync(cancellationToken))
            {
                return ChainClaim.Won;
            }
        }

        // Lost: the holder is read by a second statement, whose snapshot sees a row another till committed meanwhile.
        await using (var select = new NpgsqlCommand("SELECT shop_id, till_id FROM coupon_redemptions WHERE code = $1", connection, tx))
        {
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
            await using var r = await select.ExecuteReaderAsync(cancellationToken);
            if (await r.ReadAsync(cancellationToken))
            {
                holder = (r.GetString(0), r.GetString(1));
            }
        }

        return holder switch
        {
            { } h when h.Shop == shopId && h.Till == tillId => ChainClaim.Won,
            { } h => new ChainClaim(ChainClaimResult.TakenElsewhere, h.Shop == shopId ? h.Till : $"{h.Till} of shop {h.Shop}"),
            null => new ChainClaim(ChainClaimResult.TakenElsewhere),
        };
    }
}
