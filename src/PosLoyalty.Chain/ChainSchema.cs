using System.Text.RegularExpressions;
using Npgsql;

namespace PosLoyalty.Chain;

/// <summary>
/// The chain's PostgreSQL schema: numbered migrations recorded in schema_migrations, each in its own transaction
/// under one advisory lock so two `chain init` at once cannot both apply a step. Never edit a shipped step.
/// The till role may add events, card claims and coupon redemptions and read, and nothing else: no UPDATE, DELETE or
/// TRUNCATE.
/// </summary>
public static partial class ChainSchema
{
    public const string DefaultTillRole = "posloyalty_till";

    // Any fixed number: it names this program's migration lock among the server's advisory locks.
    private const long MigrationLockKey = 0x506F734C6F79; // "PosLoy"

    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: the events, one row per change at any till of any shop. position is PostgreSQL's order of arrival;
        // (shop, till, seq) is each till's own order; event_id makes a repeated push a no-op.
        """
        CREATE TABLE events (
            position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id uuid NOT NULL UNIQUE,
            shop_id text NOT NULL,
            till_id text NOT NULL,
            seq bigint NOT NULL CHECK (seq > 0),
            kind text NOT NULL,
            customer uuid,
            payload jsonb NOT NULL,
            occurred_at timestamptz NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (shop_id, till_id, seq)
        );
        CREATE INDEX events_customer ON events (customer) WHERE customer IS NOT NULL;
        """,

        // 2: a coupon is redeemed once chain-wide. The code is the key: a till's INSERT ... ON CONFLICT DO NOTHING
        // either records its redemption or finds the till that holds it. A till may insert and read, never change one.
        """
        CREATE TABLE coupon_redemptions (
            code text PRIMARY KEY,
            shop_id text NOT NULL,
            till_id text NOT NULL,
            redeemed_at timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now()
        );
        """,

        // 3: who holds each card chain-wide. The first enrolment or card replacement to reach PostgreSQL claims the
        // card (cards are keyed by the number as the tills store it); a later claim by another customer is kept as a
        // conflict to review, beside its event, which is never dropped. Both are filled by the push, in the event's
        // own transaction.
        """
        CREATE TABLE cards (
            card text PRIMARY KEY,
            customer uuid NOT NULL,
            event_id uuid NOT NULL,
            shop_id text NOT NULL,
            till_id text NOT NULL,
            claimed_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE card_conflicts (
            claimant_event uuid PRIMARY KEY,
            card text NOT NULL REFERENCES cards (card),
            holder uuid NOT NULL,
            claimant uuid NOT NULL,
            shop_id text NOT NULL,
            till_id text NOT NULL,
            found_at timestamptz NOT NULL DEFAULT now()
        );
        """,

        // 4: an erasure erases on PostgreSQL too, through triggers: the till role still may not UPDATE events.
        ChainErasureSchema.Step,

        // 5: a till writes only as itself. till_logins names the one (shop, till) each login may add events as; a
        // row-level security policy checks every insert against the session's login (session_user, which SET ROLE
        // does not change). Reading stays open to every till: each pulls the others' events. The owner and
        // superusers are not subject to the policy. A login with no row may read but add nothing.
        """
        CREATE TABLE till_logins (
            login name PRIMARY KEY,
            shop_id text NOT NULL,
            till_id text NOT NULL,
            UNIQUE (shop_id, till_id)
        );
        ALTER TABLE events ENABLE ROW LEVEL SECURITY;
        CREATE POLICY events_read ON events FOR SELECT USING (true);
        CREATE POLICY events_insert_as_own_till ON events FOR INSERT
            WITH CHECK (EXISTS (SELECT 1 FROM till_logins t WHERE t.login = session_user AND t.shop_id = events.shop_id AND t.till_id = events.till_id));
        """,

        // 6: a till claims cards, records card conflicts and redeems coupons only as itself, as step 5 made it add
        // events: every row's shop and till must be the session login's till_logins row. Reading stays open (a till
        // finds who holds a card or a code). The erasure's triggers delete as the owner, whom no policy binds.
        """
        ALTER TABLE cards ENABLE ROW LEVEL SECURITY;
        CREATE POLICY cards_read ON cards FOR SELECT USING (true);
        CREATE POLICY cards_insert_as_own_till ON cards FOR INSERT
            WITH CHECK (EXISTS (SELECT 1 FROM till_logins t WHERE t.login = session_user AND t.shop_id = cards.shop_id AND t.till_id = cards.till_id));
        ALTER TABLE card_conflicts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY card_conflicts_read ON card_conflicts FOR SELECT USING (true);
        CREATE POLICY card_conflicts_insert_as_own_till ON card_conflicts FOR INSERT
            WITH CHECK (EXISTS (SELECT 1 FROM till_logins t WHERE t.login = session_user AND t.shop_id = card_conflicts.shop_id AND t.till_id = card_conflicts.till_id));
        ALTER TABLE coupon_redemptions ENABLE ROW LEVEL SECURITY;
        CREATE POLICY coupon_redemptions_read ON coupon_redemptions FOR SELECT USING (true);
        CREATE POLICY coupon_redemptions_insert_as_own_till ON coupon_redemptions FOR INSERT
            WITH CHECK (EXISTS (SELECT 1 FROM till_logins t WHERE t.login = session_user AND t.shop_id = coupon_redemptions.shop_id AND t.till_id = coupon_redemptions.till_id));
        """,

        // 7: every till that has added an event, kept by a trigger in the event's own transaction, so a pull asks
        // each till's (shop, till, seq) index for what follows its cursor instead of reading the events table from
        // its first row (a chain's pull cost grew with every sale it ever made). SECURITY DEFINER: a till's role may
        // read event_tills, not write it.
        """
        CREATE TABLE event_tills (
            shop_id text NOT NULL,
            till_id text NOT NULL,
            PRIMARY KEY (shop_id, till_id)
        );
        INSERT INTO event_tills (shop_id, till_id) SELECT DISTINCT shop_id, till_id FROM events;
        CREATE FUNCTION note_event_till() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
            AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM event_tills WHERE shop_id = NEW.shop_id AND till_id = NEW.till_id) THEN
                    INSERT INTO event_tills (shop_id, till_id) VALUES (NEW.shop_id, NEW.till_id) ON CONFLICT DO NOTHING;
                END IF;
                RETURN NULL;
            END
            $$;
        REVOKE ALL ON FUNCTION note_event_till() FROM PUBLIC;
        CREATE TRIGGER events_note_till AFTER INSERT ON events
            FOR EACH ROW EXECUTE FUNCTION note_event_till();
        """,
    ];

    public static int CurrentVersion => Steps.Count;

    /// <summary>Brings the schema up to date and (re)grants the till role. Returns the versions applied now (none when up to date).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string tillRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        if (!IsPlainRoleName(tillRole))
        {
            throw new ChainException($"till role '{tillRole}' is not a plain role name (lower-case letters, digits and _, at most 63)");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey}); CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());", cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        var applied = new List<int>();
        for (var version = 1; version <= CurrentVersion; version++)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
            await using (var check = new NpgsqlCommand("SELECT count(*) FROM schema_migrations WHERE version = $1", connection, tx) { Parameters = { new() { Value = version } } })
            {
                if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
                {
                    await tx.CommitAsync(cancellationToken);
                    continue;
                }
            }

            await ExecuteAsync(connection, tx, Steps[version - 1], cancellationToken);
            await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES ($1)", connection, tx) { Parameters = { new() { Value = version } } })
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            applied.Add(version);
        }

        await GrantAsync(connection, tillRole, cancellationToken);
        return applied;
    }

    /// <summary>The highest migration applied, or 0 on a server `chain init` has not touched.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Two statements: one that names a missing table fails when it is parsed, whatever a CASE around it says.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        await using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task GrantAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = $1", connection, tx) { Parameters = { new() { Value = role } } })
        {
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                // Roles are the server's, not the database's: another database's init may create it first.
                await ExecuteAsync(connection, tx, $"SAVEPOINT create_role; CREATE ROLE {role} NOLOGIN;", cancellationToken, tolerateDuplicate: true);
            }
        }

        await ExecuteAsync(
            connection,
            tx,
            $"""
            REVOKE ALL ON events, cards, card_conflicts FROM {role};
            REVOKE ALL ON schema_migrations FROM {role};
            REVOKE ALL ON coupon_redemptions FROM {role};
            REVOKE ALL ON till_logins FROM {role};
            REVOKE ALL ON event_tills FROM {role};
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT ON till_logins TO {role};
            GRANT SELECT ON event_tills TO {role};
            GRANT SELECT, INSERT ON events, cards, card_conflicts TO {role};
            GRANT SELECT ON schema_migrations TO {role};
            GRANT SELECT, INSERT ON coupon_redemptions TO {role};
            """,
            cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken, bool tolerateDuplicate = false)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        try
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (tolerateDuplicate && ex.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT create_role", connection, tx);
            await rollback.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Lower-case letters, digits and _, at most 63, not starting with a digit: safe to write into SQL unquoted.</summary>
    public static bool IsPlainRoleName(string name) => RoleName().IsMatch(name);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
