using Microsoft.Data.Sqlite;

namespace PosLoyalty.Storage.Schema;

/// <summary>
/// Numbered migrations; PRAGMA user_version holds the last one applied. Each runs in its own
/// transaction with the version bump, so a pulled plug leaves the file at one version or the next.
/// Never edit a shipped step: add the next one.
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: customers, cards, notes, sales and items, points ledger, stamp cards, coupons.
        """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            display_name TEXT NOT NULL,
            greeting TEXT,
            birthday TEXT,                       -- MM-DD: day and month only
            anniversary TEXT,                    -- MM-DD
            phone TEXT,
            email TEXT,
            consent_marketing INTEGER NOT NULL DEFAULT 0,
            consent_changed_at TEXT,
            referred_by INTEGER REFERENCES customers(id),
            enrolled_at TEXT NOT NULL,
            points_balance INTEGER NOT NULL DEFAULT 0,   -- cache of SUM(ledger.delta), checked by doctor
            visit_count INTEGER NOT NULL DEFAULT 0,
            last_visit_at TEXT,
            last_birthday_reward_at TEXT,
            erased_at TEXT,
            merged_into INTEGER REFERENCES customers(id)
        );
        CREATE INDEX customers_name ON customers(display_name COLLATE NOCASE);
        CREATE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;

        CREATE TABLE cards (
            card_number TEXT PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            issued_at TEXT NOT NULL,
            replaced_at TEXT                     -- a lost card is kept, marked replaced
        ) WITHOUT ROWID;
        CREATE INDEX cards_customer ON cards(customer_id);

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            text TEXT NOT NULL,
            pinned INTEGER NOT NULL DEFAULT 0,
            follow_up INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX notes_customer ON notes(customer_id);

        -- Times are UTC ISO 8601 with a fixed width (yyyy-MM-ddTHH:mm:ss.fffZ): text order is time order.
        -- Amounts are integers of 1/10000 of the currency unit: exact for every ISO 4217 minor unit.
        CREATE TABLE sales (
            id INTEGER PRIMARY KEY,
            till_id TEXT NOT NULL,
            receipt_number TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
            customer_id INTEGER REFERENCES customers(id),
            total_e4 INTEGER NOT NULL,           -- a refund is negative
            currency TEXT NOT NULL,
            at TEXT NOT NULL,
            at_offset_minutes INTEGER NOT NULL,  -- the till's local offset, for campaigns and display
            refund_of INTEGER REFERENCES sales(id),
            UNIQUE (till_id, receipt_number, kind)
        );
        CREATE INDEX sales_customer_at ON sales(customer_id, at);
        CREATE INDEX sales_at ON sales(at);

        CREATE TABLE sale_items (
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            line INTEGER NOT NULL,
            sku TEXT,
            description TEXT NOT NULL,
            quantity TEXT NOT NULL,
            amount_e4 INTEGER NOT NULL,
            PRIMARY KEY (sale_id, line)
        ) WITHOUT ROWID;

        CREATE TABLE ledger (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL,
            sale_id INTEGER REFERENCES sales(id),
            delta INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX ledger_customer ON ledger(customer_id);
        CREATE INDEX ledger_sale ON ledger(sale_id) WHERE sale_id IS NOT NULL;
        CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;
        CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;

        CREATE TABLE stamp_cards (
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            program TEXT NOT NULL,
            count INTEGER NOT NULL,
            completed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (customer_id, program)
        ) WITHOUT ROWID;

        CREATE TABLE stamp_events (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL,
            program TEXT NOT NULL,
            sale_id INTEGER REFERENCES sales(id),
            delta INTEGER NOT NULL,              -- stamps added; a filled card is -boxes
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX stamp_events_sale ON stamp_events(sale_id) WHERE sale_id IS NOT NULL;

        CREATE TABLE coupons (
            code TEXT PRIMARY KEY,
            customer_id INTEGER REFERENCES customers(id),
            sale_id INTEGER REFERENCES sales(id),
            source TEXT NOT NULL,
            reward TEXT NOT NULL,
            value_e4 INTEGER,
            currency TEXT,
            issued_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            redeemed_at TEXT,
            voided_at TEXT
        ) WITHOUT ROWID;
        CREATE INDEX coupons_customer ON coupons(customer_id);
        CREATE INDEX coupons_sale ON coupons(sale_id) WHERE sale_id IS NOT NULL;
        """,

        // 2: audit log (manual adjustments, PIN failures, erasures, voids) and settings (manager PIN hash).
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            customer_id INTEGER,
            detail TEXT NOT NULL,               -- never personal data: ids, amounts, reasons
            allowed INTEGER NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """,

        // 3: the till. Receipts read by the tap are stored at the cut even with no customer (an unclaimed
        // receipt a late scan can claim, and the day's sales count); a receipt whose printed currency
        // disagrees with the shop's keeps what it showed, for doctor. Coupons for the printer carry a print
        // state: 'pending' is committed before any byte is sent, 'printed' once the printer took them.
        // Notes gain a kind (a complaint or feedback to follow up) and a resolution time. Raffle draws are
        // recorded, one per month, so a draw cannot silently run twice.
        """
        ALTER TABLE sales ADD COLUMN receipt_currency TEXT;
        ALTER TABLE sales ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
        CREATE INDEX sales_unclaimed ON sales(till_id, at) WHERE customer_id IS NULL;

        ALTER TABLE coupons ADD COLUMN print_state TEXT NOT NULL DEFAULT 'none' CHECK (print_state IN ('none', 'pending', 'printed'));
        ALTER TABLE coupons ADD COLUMN printed_at TEXT;
        ALTER TABLE coupons ADD COLUMN print_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE coupons ADD COLUMN till_id TEXT;
        CREATE INDEX coupons_pending ON coupons(print_state) WHERE print_state = 'pending';

        ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'complaint', 'feedback'));
        ALTER TABLE notes ADD COLUMN resolved_at TEXT;

        CREATE TABLE raffle_draws (
            month TEXT PRIMARY KEY,              -- YYYY-MM
            drawn_at TEXT NOT NULL,
            entrants INTEGER NOT NULL,
            winner_customer_id INTEGER REFERENCES customers(id)
        ) WITHOUT ROWID;
        """,

        // 4: sales waiting for the cashier (docs/adr/0010). A sale the reader was unsure of, or one above
        // Till:ConfirmSalesAbove, is kept here instead of being credited, with what it would credit: the sale
        // itself, its items (JSON), the customer at the counter (or a late scan's), how it was read and why it
        // was held. (till, receipt) is unique whatever the state: a replay never holds it twice, and a dropped
        // receipt stays dropped. Confirm and drop only move the state; the row is never deleted (but erasure
        // drops its items and customer).
        """
        CREATE TABLE pending_sales (
            id INTEGER PRIMARY KEY,
            till_id TEXT NOT NULL,
            receipt_number TEXT NOT NULL,
            total_e4 INTEGER NOT NULL,
            currency TEXT NOT NULL,
            items TEXT NOT NULL,                 -- JSON array of {sku, description, quantity, amount_e4}
            at TEXT NOT NULL,                    -- the sale's time, UTC
            at_offset_minutes INTEGER NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            kind TEXT NOT NULL,                  -- what the reader took it for: 'sale'
            confidence REAL NOT NULL,            -- 0-1; 1 when the POS sent the sale itself
            reason TEXT NOT NULL,                -- why it was held: no receipt text
            source TEXT NOT NULL,                -- 'receipt' or 'pos-event'
            receipt_currency TEXT,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'dropped')),
            held_at TEXT NOT NULL,
            decided_at TEXT,
            UNIQUE (till_id, receipt_number)
        );
        CREATE INDEX pending_sales_waiting ON pending_sales(till_id, held_at) WHERE state = 'pending';
        CREATE INDEX pending_sales_customer ON pending_sales(customer_id) WHERE customer_id IS NOT NULL;
        """,

        // 5: a chain (docs/adr/0014, docs/chain.md). The outbox: one row per change, written in the change's own
        // transaction, numbered by this till (seq) and named chain-wide (event_id, a UUIDv7); the payload is cleared
        // once PostgreSQL holds the event. A customer's chain-wide id, given at their first event. What was pulled
        // from the other tills, by (till, seq), so a pull is idempotent and resumes where it stopped; the payload is
        // cleared once applied; another till's sales are stored under "shop/till", as till ids are unique only within
        // a shop. Sync's own times, for `chain status`.
        """
        CREATE TABLE chain_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            customer TEXT,                       -- chain_customers.chain_id, when the change is about a customer
            payload TEXT,                        -- JSON; NULL once pushed
            at TEXT NOT NULL,
            pushed_at TEXT
        );
        CREATE INDEX chain_outbox_unpushed ON chain_outbox(seq) WHERE pushed_at IS NULL;

        CREATE TABLE chain_customers (
            customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
            chain_id TEXT NOT NULL UNIQUE
        );

        CREATE TABLE chain_pulled (
            event_id TEXT PRIMARY KEY,
            shop_id TEXT NOT NULL,
            till_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            position INTEGER NOT NULL,           -- PostgreSQL's order of arrival: the order events are applied in
            kind TEXT NOT NULL,
            customer TEXT,
            payload TEXT,                        -- JSON; NULL once applied
            at TEXT NOT NULL,
            pulled_at TEXT NOT NULL,
            applied_at TEXT,
            problem TEXT,                        -- why it is not applied (yet), or what it left to review
            UNIQUE (shop_id, till_id, seq)
        );
        CREATE INDEX chain_pulled_waiting ON chain_pulled(position) WHERE applied_at IS NULL;

        CREATE TABLE chain_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """,

        // 6: stamps are a ledger summed across tills, like points: a card's count is SUM(stamp_events.delta) for the
        // customer and card, which the other tills' rows join when pulled. A row says where it comes from: the sale
        // (sale_id), the filled card's coupon it paid for (coupon_code), the till that wrote it ('local', or "shop/till"
        // when pulled) and, when pulled, the event and its line in it, so a row is applied once however often it is
        // pulled. The rows before this step stay; one 'migrated' row per card tops each up to what stamp_cards showed
        // (a merge used to move stamp_cards and leave the rows with the duplicate), so no customer's count changes.
        // stamp_cards goes: one count, one place. The ledger is append-only; a merge moves stamps by a pair of rows.
        """
        ALTER TABLE stamp_events ADD COLUMN coupon_code TEXT;
        ALTER TABLE stamp_events ADD COLUMN till TEXT NOT NULL DEFAULT 'local';
        ALTER TABLE stamp_events ADD COLUMN chain_event TEXT;
        ALTER TABLE stamp_events ADD COLUMN chain_line INTEGER;
        CREATE INDEX stamp_events_customer ON stamp_events(customer_id, program);
        CREATE INDEX stamp_events_coupon ON stamp_events(coupon_code) WHERE coupon_code IS NOT NULL;
        CREATE UNIQUE INDEX stamp_events_pulled ON stamp_events(chain_event, chain_line) WHERE chain_event IS NOT NULL;

        INSERT INTO stamp_events (customer_id, program, delta, reason, at)
        SELECT customer_id, program, SUM(shown) - SUM(logged), 'migrated', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM (
            SELECT customer_id, program, count AS shown, 0 AS logged FROM stamp_cards
            UNION ALL
            SELECT customer_id, program, 0, delta FROM stamp_events
        )
        GROUP BY customer_id, program
        HAVING SUM(shown) - SUM(logged) <> 0
        ORDER BY customer_id, program;
        DROP TABLE stamp_cards;

        CREATE TRIGGER stamp_events_no_update BEFORE UPDATE ON stamp_events BEGIN SELECT RAISE(ABORT, 'the stamp ledger is append-only'); END;
        CREATE TRIGGER stamp_events_no_delete BEFORE DELETE ON stamp_events BEGIN SELECT RAISE(ABORT, 'the stamp ledger is append-only'); END;
        """,

        // 7: PostgreSQL's decisions over cards (docs/chain.md, card conflicts): each card_conflicts row the pull
        // brought that names a customer this till knows, with the shop and till of the holder's claim and of the
        // claimant's. The pull keeps it equal to PostgreSQL's rows; a conflict is settled here once its two customers
        // are merged. The card is kept masked: the file needs it only to show it.
        """
        CREATE TABLE chain_card_conflicts (
            claimant_event TEXT PRIMARY KEY,     -- the claimant's event on PostgreSQL: the conflict's own key there
            masked_card TEXT NOT NULL,
            holder TEXT NOT NULL,                -- chain_customers.chain_id of the customer PostgreSQL gave the card
            holder_shop TEXT NOT NULL,
            holder_till TEXT NOT NULL,
            claimant TEXT NOT NULL,              -- chain_customers.chain_id of the customer who claimed it later
            claimant_shop TEXT NOT NULL,
            claimant_till TEXT NOT NULL,
            found_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """,

        // 8: coupon conflicts (a code this till redeemed offline that PostgreSQL already held for another till) get
        // a table of their own, to be listed and acknowledged: an acknowledged one stays, no longer counted. Those
        // kept until now as chain_state rows ("chain.coupon_conflict:CODE", "... already at till HOLDER") move here;
        // when they were found was not kept, so they take the last push.
        """
        CREATE TABLE coupon_conflicts (
            code TEXT PRIMARY KEY,               -- coupons.code, redeemed here offline
            holder_till TEXT NOT NULL,           -- the till PostgreSQL gave it to: "till-b", or "till-b of shop s"
            found_at TEXT NOT NULL,              -- the push that found it
            resolved_at TEXT                     -- acknowledged by the owner; NULL while it counts
        ) WITHOUT ROWID;
        INSERT INTO coupon_conflicts (code, holder_till, found_at)
            SELECT substr(key, 23), substr(value, instr(value, 'already at till ') + 16),
                   COALESCE((SELECT value FROM chain_state WHERE key = 'chain.last_push_at'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            FROM chain_state WHERE key LIKE 'chain.coupon\_conflict:%' ESCAPE '\' AND instr(value, 'already at till ') > 0;
        DELETE FROM chain_state WHERE key LIKE 'chain.coupon\_conflict:%' ESCAPE '\';
        """,

        // 9: where the next pull starts, one row per other till, written in the transaction that stores what was
        // pulled. Until now each round computed it as MAX(seq) over chain_pulled grouped by till: a read of every
        // event ever pulled, once a second, on a file that gains every other till's sales for years.
        """
        CREATE TABLE chain_pull_cursors (
            shop_id TEXT NOT NULL,
            till_id TEXT NOT NULL,
            seq INTEGER NOT NULL,                -- the highest seq of that till in chain_pulled: none below it is missing
            PRIMARY KEY (shop_id, till_id)
        ) WITHOUT ROWID;
        INSERT INTO chain_pull_cursors (shop_id, till_id, seq)
            SELECT shop_id, till_id, MAX(seq) FROM chain_pulled GROUP BY shop_id, till_id;
        """,

        // 10: customers from before the outbox (a file older than step 5) get the enrolment event they never had, so
        // that other tills hear of them: written in C# in this step's transaction (OutboxWriter, called from Apply).
        """
        SELECT 1;
        """,
    ];

    /// <summary>The step whose transaction announces the customers from before the outbox.</summary>
    private const int AnnounceCustomersVersion = 10;

    public static int CurrentVersion => Steps.Count;

    /// <summary>Brings the file up to <paramref name="targetVersion"/> (the latest by default).</summary>
    public static void Apply(SqliteConnection connection, int? targetVersion = null)
    {
        var target = targetVersion ?? CurrentVersion;
        var version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new StorageException($"database schema version {version} is newer than this program knows ({CurrentVersion}): install the newer PosLoyalty, or restore a backup");
        }

        while (version < target)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Steps[version] + $"\nPRAGMA user_version = {version + 1};";
                cmd.ExecuteNonQuery();
            }

            if (version + 1 == AnnounceCustomersVersion)
            {
                Outbox.OutboxWriter.AnnounceCustomersFromBeforeTheOutbox(connection, tx);
            }

            tx.Commit();
            version++;
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
