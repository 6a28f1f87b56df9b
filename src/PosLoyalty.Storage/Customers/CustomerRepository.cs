using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Stamps;

namespace PosLoyalty.Storage.Customers;

/// <summary>Enrolment, lookup, notes and profile edits.</summary>
public sealed class CustomerRepository(LoyaltyDatabase database, LoyaltyRules rules, TimeProvider time)
{
    public CustomerId Enrol(NewCustomer input)
    {
        var name = CustomerFields.Name(input.Name);
        var greeting = CustomerFields.Greeting(input.Greeting);
        var phone = CustomerFields.Phone(input.Phone);
        var email = CustomerFields.Email(input.Email);
        var now = time.GetUtcNow();

        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var existing = Sql.Scalar<long?>(c, tx, "SELECT customer_id FROM cards WHERE card_number = $card", ("$card", input.Card.Value));
        if (existing is not null)
        {
            throw new StorageException($"card {input.Card.Masked()} already belongs to customer {existing}");
        }

        CustomerId? referrer = null;
        if (input.ReferredByCard is { } refCard)
        {
            referrer = FindByCard(c, tx, refCard)?.CustomerId
                ?? throw new NotFoundException($"referring card {refCard.Masked()} is not enrolled");
        }

        var id = new CustomerId(Sql.InsertReturningId(
            c,
            tx,
            "INSERT INTO customers (display_name, greeting, birthday, anniversary, phone, email, consent_marketing, consent_changed_at, referred_by, enrolled_at) VALUES ($n, $g, $b, $a, $p, $e, $cm, $cat, $ref, $at)",
            ("$n", name),
            ("$g", greeting),
            ("$b", input.Birthday?.ToString()),
            ("$a", input.Anniversary?.ToString()),
            ("$p", phone),
            ("$e", email),
            ("$cm", input.MarketingConsent ? 1 : 0),
            ("$cat", input.MarketingConsent ? Sql.Time(now) : null),
            ("$ref", referrer?.Value),
            ("$at", Sql.Time(now))));
        Sql.Execute(c, tx, "INSERT INTO cards (card_number, customer_id, issued_at) VALUES ($card, $id, $at)", ("$card", input.Card.Value), ("$id", id.Value), ("$at", Sql.Time(now)));

        foreach (var card in rules.StampCards)
        {
            if (card.PreStamped > 0)
            {
                StampRows.Add(c, tx, id, card.Id, card.PreStamped, "enrolment", Sql.Time(now));
            }
        }

        OutboxWriter.Enrolled(c, tx, id, now);
        tx.Commit();
        return id;
    }

    public CardRecord? FindByCard(CardNumber card)
    {
        using var c = database.OpenConnection();
        return FindByCard(c, null, card);
    }

    /// <summary>
    /// A card number, or failing that a customer id (what `customers show 42` means). A card that
    /// was replaced is refused with when it was replaced: someone else may hold the lost card.
    /// </summary>
    public CustomerId Resolve(string cardOrId)
    {
        using var c = database.OpenConnection();
        if (CardNumber.TryParse(cardOrId, out var card, out _) && FindByCard(c, null, card) is { } found)
        {
            return found.ReplacedAt is { } replaced
                ? throw new NotFoundException($"card {card.Masked()} was replaced on {replaced:yyyy-MM-dd}; use the customer's new card")
                : found.CustomerId;
        }

        if (long.TryParse(cardOrId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && CustomerRows.Load(c, null, new CustomerId(id)) is not null)
        {
            return new CustomerId(id);
        }

        var shown = CardNumber.TryParse(cardOrId, out var masked, out _) ? masked.Masked() : "'" + cardOrId + "'";
        throw new NotFoundException($"no customer has card or id {shown}");
    }

    /// <summary>How the customer likes to be greeted (one row read; for a coupon at the cut), or null when there is no such customer.</summary>
    public string? GreetingName(CustomerId id)
    {
        using var c = database.OpenConnection();
        return CustomerRows.Load(c, null, id)?.Customer.GreetingOrName;
    }

    /// <summary>Some live customer, or null in an empty shop (for warming up the counter's read path at start).</summary>
    public CustomerId? AnyCustomer()
    {
        using var c = database.OpenConnection();
        return Sql.Scalar<long?>(c, null, "SELECT id FROM customers WHERE erased_at IS NULL AND merged_into IS NULL LIMIT 1") is { } id ? new CustomerId(id) : null;
    }

    public CustomerProfile GetProfile(CustomerId id)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true); // one consistent snapshot for every part of the profile
        var profile = ReadProfile(c, tx, id, time.GetUtcNow());
        tx.Commit();
        return profile;
    }

    /// <summary>The profile inside the caller's transaction (the customer card reads the counter facts in the same one).</summary>
    internal CustomerProfile ReadProfile(SqliteConnection c, SqliteTransaction tx, CustomerId id, DateTimeOffset now)
    {
        var row = CustomerRows.Load(c, tx, id) ?? throw new NotFoundException($"customer {id} does not exist");

        var cards = new List<CardRecord>();
        using (var cmd = Sql.Command(c, tx, "SELECT card_number, issued_at, replaced_at FROM cards WHERE customer_id = $id ORDER BY issued_at", ("$id", id.Value)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                cards.Add(new CardRecord(CardNumber.Parse(r.GetString(0)), id, Sql.ParseTime(r.GetString(1)), Sql.ParseTimeOrNull(r, 2)));
            }
        }

        var notes = ReadNotes(c, tx, id);
        var totalSpend = Sql.FromE4(Sql.Scalar<long>(c, tx, "SELECT COALESCE(SUM(total_e4), 0) FROM sales WHERE customer_id = $id", ("$id", id.Value)));
        var spend12 = Spend12Months(c, tx, id, now);

        var stamps = StampRows.Views(c, tx, id, rules);
        var coupons = CouponRepository.ReadCoupons(c, tx, "WHERE customer_id = $id ORDER BY issued_at DESC", now, ("$id", id.Value));
        return new CustomerProfile(row.Customer, cards, notes, new Points(row.Balance), row.Visits, totalSpend, row.LastVisitAt, TierStatus.For(rules.Tiers, spend12), stamps, coupons);
    }

    public IReadOnlyList<CustomerSummary> Find(string query, int limit = 20)
    {
        var q = query?.Trim() ?? string.Empty;
        if (q.Length < 2)
        {
            throw new DomainValidationException("search text must be at least 2 characters");
        }

        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        using var c = database.OpenConnection();
        using var cmd = Sql.Command(
            c,
            null,
            """
            SELECT c.id, c.display_name, c.greeting,
                   (SELECT card_number FROM cards WHERE customer_id = c.id AND replaced_at IS NULL ORDER BY issued_at DESC LIMIT 1),
                   c.phone, c.last_visit_at
            FROM customers c
            WHERE c.erased_at IS NULL AND c.merged_into IS NULL
              AND (c.display_name LIKE $like ESCAPE '\' OR c.greeting LIKE $like ESCAPE '\'
                   OR ($digits <> '' AND length($digits) >= 4 AND replace(replace(replace(c.phone, ' ', ''), '-', ''), '+', '') LIKE '%' || $digits || '%')
                   OR c.id IN (SELECT customer_id FROM cards WHERE card_number = upper($q)))
            ORDER BY c.last_visit_at DESC NULLS LAST, c.id
            LIMIT $limit
            """,
            ("$like", "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%"),
            ("$digits", digits),
            ("$q", q),
            ("$limit", limit));
        using var r = cmd.ExecuteReader();
        var hits = new List<CustomerSummary>();
        while (r.Read())
        {
            var card = r.IsDBNull(3) ? null : CardNumber.Parse(r.GetString(3)).Masked();
            hits.Add(new CustomerSummary(new CustomerId(r.GetInt64(0)), r.GetString(1), Sql.StringOrNull(r, 2), card, Sql.StringOrNull(r, 4), Sql.ParseTimeOrNull(r, 5)));
        }

        return hits;
    }

    /// <param name="kind">'note', 'complaint' or 'feedback' (the notes.kind column); a complaint is followed up until resolved.</param>
    public void AddNote(CustomerId id, string text, bool pinned, bool followUp = false, string kind = "note")
    {
        var note = CustomerFields.NoteText(text);
        if (kind is not ("note" or "complaint" or "feedback"))
        {
            throw new DomainValidationException($"note kind '{kind}' is not allowed: note, complaint or feedback");
        }

        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        _ = CustomerRows.Load(c, tx, id) ?? throw new NotFoundException($"customer {id} does not exist");
        Sql.Execute(c, tx, "INSERT INTO notes (customer_id, text, pinned, follow_up, kind, created_at) VALUES ($id, $t, $p, $f, $k, $at)", ("$id", id.Value), ("$t", note), ("$p", pinned ? 1 : 0), ("$f", followUp ? 1 : 0), ("$k", kind), ("$at", Sql.Time(time.GetUtcNow())));
        OutboxWriter.NoteAdded(c, tx, id, time.GetUtcNow());
        tx.Commit();
    }

    public void Edit(CustomerId id, CustomerEdit edit)
    {
        var allowedClears = new HashSet<string>(StringComparer.Ordinal) { "greeting", "birthday", "anniversary", "phone", "email" };
        foreach (var field in edit.Clear)
        {
            if (!allowedClears.Contains(field))
            {
                throw new DomainValidationException($"cannot clear '{field}': only {string.Join(", ", allowedClears)} can be cleared");
            }
        }

        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var current = CustomerRows.Load(c, tx, id)?.Customer ?? throw new NotFoundException($"customer {id} does not exist");

        string? Pick(string field, string? value, string? old) => edit.Clear.Contains(field) ? null : value ?? old;
        var consentChanged = edit.MarketingConsent is { } given && given != current.Consent.Given;
        Sql.Execute(
            c,
            tx,
            "UPDATE customers SET display_name = $n, greeting = $g, birthday = $b, anniversary = $a, phone = $p, email = $e, consent_marketing = $cm, consent_changed_at = $cat WHERE id = $id",
            ("$n", edit.Name is null ? current.DisplayName : CustomerFields.Name(edit.Name)),
            ("$g", Pick("greeting", CustomerFields.Greeting(edit.Greeting), current.Greeting)),
            ("$b", Pick("birthday", edit.Birthday?.ToString(), current.Birthday?.ToString())),
            ("$a", Pick("anniversary", edit.Anniversary?.ToString(), current.Anniversary?.ToString())),
            ("$p", Pick("phone", CustomerFields.Phone(edit.Phone), current.Phone)),
            ("$e", Pick("email", CustomerFields.Email(edit.Email), current.Email)),
            ("$cm", (edit.MarketingConsent ?? current.Consent.Given) ? 1 : 0),
            ("$cat", consentChanged ? Sql.Time(now) : current.Consent.ChangedAt is { } at ? Sql.Time(at) : null),
            ("$id", id.Value));
        OutboxWriter.Edited(c, tx, id, now);
        tx.Commit();
    }

    /// <summary>A lost card: the old one stops identifying anyone, its history stays with the customer.</summary>
    public void ReplaceCard(CustomerId id, CardNumber newCard)
    {
        var now = Sql.Time(time.GetUtcNow());
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        _ = CustomerRows.Load(c, tx, id) ?? throw new NotFoundException($"customer {id} does not exist");
        var holder = Sql.Scalar<long?>(c, tx, "SELECT customer_id FROM cards WHERE card_number = $card", ("$card", newCard.Value));
        if (holder is not null)
        {
            throw new StorageException($"card {newCard.Masked()} already belongs to customer {holder}");
        }

        Sql.Execute(c, tx, "UPDATE cards SET replaced_at = $at WHERE customer_id = $id AND replaced_at IS NULL", ("$at", now), ("$id", id.Value));
        Sql.Execute(c, tx, "INSERT INTO cards (card_number, customer_id, issued_at) VALUES ($card, $id, $at)", ("$card", newCard.Value), ("$id", id.Value), ("$at", now));
        OutboxWriter.CardReplaced(c, tx, id, newCard, time.GetUtcNow());
        tx.Commit();
    }

    internal static CardRecord? FindByCard(SqliteConnection c, SqliteTransaction? tx, CardNumber card)
    {
        using var cmd = Sql.Command(c, tx, "SELECT k.customer_id, k.issued_at, k.replaced_at FROM cards k JOIN customers c ON c.id = k.customer_id WHERE k.card_number = $card AND c.erased_at IS NULL AND c.merged_into IS NULL", ("$card", card.Value));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new CardRecord(card, new CustomerId(r.GetInt64(0)), Sql.ParseTime(r.GetString(1)), Sql.ParseTimeOrNull(r, 2)) : null;
    }

    internal static List<CustomerNote> ReadNotes(SqliteConnection c, SqliteTransaction? tx, CustomerId id)
    {
        var notes = new List<CustomerNote>();
        using var cmd = Sql.Command(c, tx, "SELECT text, pinned, follow_up, created_at FROM notes WHERE customer_id = $id ORDER BY pinned DESC, created_at DESC, id DESC", ("$id", id.Value));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            notes.Add(new CustomerNote(r.GetString(0), r.GetInt64(1) != 0, r.GetInt64(2) != 0, Sql.ParseTime(r.GetString(3))));
        }

        return notes;
    }

    /// <summary>Net spend (refunds subtract) in the 365 days before <paramref name="at"/>.</summary>
    internal static decimal Spend12Months(SqliteConnection c, SqliteTransaction? tx, CustomerId id, DateTimeOffset at) =>
        Sql.FromE4(Sql.Scalar<long>(
            c,
            tx,
            "SELECT COALESCE(SUM(total_e4), 0) FROM sales WHERE customer_id = $id AND at > $from AND at <= $to",
            ("$id", id.Value),
            ("$from", Sql.Time(at.AddDays(-365))),
            ("$to", Sql.Time(at))));
}
