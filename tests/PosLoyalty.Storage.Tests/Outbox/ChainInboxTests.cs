using System.Text.Json.Nodes;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Schema;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests.Outbox;

/// <summary>Two real files: what one till's outbox holds, as the chain hands it to another till.</summary>
public sealed class ChainInboxTests
{
    [Fact]
    public void A_customer_enrolled_at_one_till_is_found_at_another_with_their_points()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var ada = EnrolAndBuy(a);
        var pointsAtA = a.Balance(ada);
        Assert.True(pointsAtA > 0, "the test's premise: the sale earned points");

        var applied = new ChainInbox(b.Database, b.Clock).Receive(AsPulled(a, "till-A"));

        Assert.Equal(2, applied);
        var found = b.Customers.FindByCard(CardNumber.Parse("CARD0001"));
        Assert.NotNull(found);
        var profile = b.Customers.GetProfile(found.CustomerId);
        Assert.Equal("Ada", profile.Customer.DisplayName);
        Assert.Equal(pointsAtA, profile.Balance.Value);
        Assert.Equal(1, profile.Visits);
        Assert.Equal(0, b.BalancesOffTheLedger());
        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM chain_outbox"));
    }

    [Fact]
    public void Receiving_the_same_events_twice_changes_nothing()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        EnrolAndBuy(a);
        var inbox = new ChainInbox(b.Database, b.Clock);
        inbox.Receive(AsPulled(a, "till-A"));
        var counts = Counts(b.DatabasePath);

        var again = inbox.Receive(AsPulled(a, "till-A"));

        Assert.Equal(0, again);
        Assert.Equal(counts, Counts(b.DatabasePath));
        Assert.Equal(2, inbox.Cursors()[("shop-1", "till-A")]);
    }

    [Fact]
    public void A_sale_for_a_customer_not_heard_of_yet_waits_and_applies_once_the_enrolment_arrives()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        EnrolAndBuy(a);
        var events = AsPulled(a, "till-A");

        // The till's second event with its first left out: a gap, so neither is taken yet.
        var inbox = new ChainInbox(b.Database, b.Clock);
        Assert.Equal(0, inbox.Receive([events[1]]));
        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.False(inbox.Cursors().ContainsKey(("shop-1", "till-A")), "a gap does not move the cursor");

        Assert.Equal(2, inbox.Receive(events));
        Assert.Equal(2, inbox.Cursors()[("shop-1", "till-A")]);
        Assert.Equal(1, b.Scalar("SELECT COUNT(*) FROM sales WHERE till_id = 'shop-1/till-1' AND source = 'chain'"));
    }

    [Fact]
    public void A_file_that_pulled_before_the_cursor_table_resumes_after_the_last_seq_it_holds_from_each_till()
    {
        using var shop = new TestShop();
        using (var c = shop.Raw())
        {
            Migrations.Apply(c, targetVersion: 8);
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO chain_pulled (event_id, shop_id, till_id, seq, position, kind, at, pulled_at, applied_at) VALUES
                    ('e1', 'shop-1', 'till-A', 1, 1, 'note-added', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:01.000Z', '2026-01-01T09:00:01.000Z'),
                    ('e2', 'shop-1', 'till-A', 2, 3, 'note-added', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:01.000Z', '2026-01-01T09:00:01.000Z'),
                    ('e3', 'shop-1', 'till-B', 1, 2, 'note-added', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:01.000Z', '2026-01-01T09:00:01.000Z'),
                    ('e4', 'shop-2', 'till-A', 7, 4, 'note-added', '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:01.000Z', '2026-01-01T09:00:01.000Z');
                """;
            cmd.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var cursors = new ChainInbox(PosLoyalty.Storage.LoyaltyDatabase.Open(shop.DatabasePath), shop.Clock).Cursors();

        Assert.Equal(3, cursors.Count);
        Assert.Equal(2, cursors[("shop-1", "till-A")]);
        Assert.Equal(1, cursors[("shop-1", "till-B")]);
        Assert.Equal(7, cursors[("shop-2", "till-A")]);
    }

    [Fact]
    public void A_card_this_till_already_gave_someone_else_stays_theirs_and_PostgreSQLs_decision_lists_the_conflict()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        a.Enrol("Ada", "CARD0001");
        var someone = b.Enrol("Someone else", "CARD0001");
        var inbox = new ChainInbox(b.Database, b.Clock);

        inbox.Receive(AsPulled(a, "till-A"));

        Assert.Equal("Someone else", b.Customers.GetProfile(b.Customers.FindByCard(CardNumber.Parse("CARD0001"))!.CustomerId).Customer.DisplayName);
        Assert.Equal(1, b.Scalar("SELECT COUNT(*) FROM chain_pulled WHERE problem LIKE 'conflict: card ****0001%'"));
        Assert.Equal(0, new ChainOutbox(b.Database).ReadState().Conflicts); // the count is PostgreSQL's decision, pulled next

        var ada = ChainId(b, "SELECT chain_id FROM chain_customers WHERE customer_id <> " + someone.Value);
        var mine = ChainId(b, "SELECT chain_id FROM chain_customers WHERE customer_id = " + someone.Value);
        Assert.Equal(1, inbox.ReceiveCardConflicts([new PulledCardConflict(Guid.CreateVersion7(), "CARD0001", ada, "shop-1", "till-A", mine, "shop-1", "till-B", b.Clock.GetUtcNow())]));

        var conflict = Assert.Single(new ChainConflicts(b.Database).Read().Cards);
        Assert.Equal("****0001", conflict.MaskedCard);
        Assert.Equal(someone, conflict.Duplicate);
        Assert.Equal(1, new ChainOutbox(b.Database).ReadState().Conflicts);
        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM chain_card_conflicts WHERE masked_card LIKE '%CARD%'")); // kept masked

        Assert.Equal(0, inbox.ReceiveCardConflicts([]));
        Assert.Equal(0, new ChainOutbox(b.Database).ReadState().Conflicts);
    }

    private static Guid ChainId(TestShop shop, string sql)
    {
        using var c = shop.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Guid.Parse((string)cmd.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_pulled_erasure_kept_from_emptying_the_wal_by_a_reader_is_compacted_at_the_next_pull()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        const string name = "Zebulon Quartermaine";
        var zeb = a.Enrol(name, "CARD0001");
        a.Customers.AddNote(zeb, "allergic to walnuts", pinned: true);
        var inbox = new ChainInbox(b.Database, b.Clock);
        inbox.Receive(AsPulled(a, "till-A"));
        a.Privacy.Erase(zeb);

        using (var reader = b.Database.OpenConnection())
        using (var read = reader.BeginTransaction(deferred: true))
        {
            // A read transaction holding an old snapshot of the WAL, as the panel's query might at that moment.
            Assert.Equal(1, Scalar(reader, read, "SELECT COUNT(*) FROM customers WHERE display_name = 'Zebulon Quartermaine'"));
            Assert.Equal(1, inbox.Receive(AsPulled(a, "till-A")));
            Assert.Equal(1, b.Scalar("SELECT COUNT(*) FROM chain_state WHERE key = 'chain.compaction_due'"));
        }

        Assert.Equal(0, inbox.Receive([]));

        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM chain_state WHERE key = 'chain.compaction_due'"));
        Assert.Equal(1, b.Scalar("SELECT COUNT(*) FROM customers WHERE erased_at IS NOT NULL AND display_name = '(erased)'"));

        // Scanned with the pool's connections still open, as at a running till: the WAL is not removed at a last close.
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            var bytes = PrivacyRequestsTests.ReadShared(b.DatabasePath + suffix);
            Assert.False(PrivacyRequestsTests.Contains(bytes, name), $"the name is still in loyalty.db{suffix}");
            Assert.False(PrivacyRequestsTests.Contains(bytes, "walnuts"), $"the note is still in loyalty.db{suffix}");
        }
    }

    [Fact]
    public void A_pulled_erasure_voids_the_persons_live_coupons_as_a_local_erasure_does()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var zeb = a.Enrol("Zebulon Quartermaine", "CARD0001", birthday: MonthDay.Create(6, 4));
        var coupon = Assert.Single(a.Buy(zeb, 2m, Item("Scone", 2m)).CouponsIssued).Code;
        var other = a.Enrol("Other Person", "CARD0002", birthday: MonthDay.Create(6, 4));
        var othersCoupon = Assert.Single(a.Buy(other, 2m, Item("Scone", 2m)).CouponsIssued).Code;
        var inbox = new ChainInbox(b.Database, b.Clock);
        inbox.Receive(AsPulled(a, "till-A"));
        Assert.Equal(Domain.Coupons.CouponStatus.Active, b.Coupons.Get(coupon).Status); // the test's premise: live at B

        a.Privacy.Erase(zeb);
        inbox.Receive(AsPulled(a, "till-A"));

        Assert.Equal(a.Coupons.Get(coupon).Status, b.Coupons.Get(coupon).Status);
        Assert.Equal(Domain.Coupons.CouponStatus.Voided, b.Coupons.Get(coupon).Status);
        var refused = Assert.Throws<Coupons.CouponNotRedeemableException>(() => b.Coupons.Redeem(coupon));
        Assert.Contains("was voided", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Domain.Coupons.CouponStatus.Active, b.Coupons.Get(othersCoupon).Status); // nobody else's
        Assert.Equal(0, b.Scalar("SELECT COUNT(*) FROM chain_outbox WHERE kind = 'coupon-redeemed'"));
    }

    [Fact]
    public void A_coupon_pulled_for_a_customer_already_erased_here_arrives_void()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var zeb = a.Enrol("Zebulon Quartermaine", "CARD0001", birthday: MonthDay.Create(6, 4));
        var inbox = new ChainInbox(b.Database, b.Clock);
        inbox.Receive(AsPulled(a, "till-A"));
        b.Privacy.Erase(b.Customers.FindByCard(CardNumber.Parse("CARD0001"))!.CustomerId);

        // Till A has not heard of the erasure yet: it sells to Zeb, and the sale issues a coupon.
        var coupon = Assert.Single(a.Buy(zeb, 2m, Item("Scone", 2m)).CouponsIssued).Code;
        inbox.Receive(AsPulled(a, "till-A"));

        Assert.Equal(Domain.Coupons.CouponStatus.Voided, b.Coupons.Get(coupon).Status);
        Assert.Throws<Coupons.CouponNotRedeemableException>(() => b.Coupons.Redeem(coupon));
    }

    [Fact]
    public void An_event_this_till_cannot_apply_waits_with_its_reason_and_the_events_after_it_still_apply()
    {
        using var a = new TestShop();
        using var b = new TestShop();
        var ada = EnrolAndBuy(a);
        a.Buy(ada, 5m, Item("Scone", 5m));
        var events = AsPulled(a, "till-A");
        Assert.Equal(3, events.Count); // the premise: the enrolment, the first sale, the second
        var firstSale = JsonNode.Parse(events[1].PayloadJson)!.AsObject();
        firstSale["ledger"]![0]!["delta"] = "seven"; // as a newer till might write it, or a bug
        events[1] = events[1] with { PayloadJson = firstSale.ToJsonString() };
        var inbox = new ChainInbox(b.Database, b.Clock);

        var applied = inbox.Receive(events);

        Assert.Equal(2, applied);
        var profile = b.Customers.GetProfile(b.Customers.FindByCard(CardNumber.Parse("CARD0001"))!.CustomerId);
        Assert.Equal(1, profile.Visits); // the second sale, not the first
        Assert.Equal(0, b.BalancesOffTheLedger());
        var state = new ChainOutbox(b.Database).ReadState();
        Assert.Equal(1, state.WaitingToApply);
        var (reason, count) = Assert.Single(state.WaitingReasons);
        Assert.StartsWith(ChainInbox.CannotApply, reason, StringComparison.Ordinal);
        Assert.Equal(1, count);

        // Tried again at the next pull: it still cannot apply, and the pull does not fail for it.
        Assert.Equal(0, inbox.Receive([]));
        Assert.Equal(1, new ChainOutbox(b.Database).ReadState().WaitingToApply);
        Assert.Equal(1, b.Customers.GetProfile(profile.Customer.Id).Visits);
    }

    /// <summary>Two events at till A: Ada's enrolment, then her sale.</summary>
    private static CustomerId EnrolAndBuy(TestShop a)
    {
        var ada = a.Enrol("Ada", "CARD0001");
        a.Buy(ada, 7m, Item("Latte", 7m));
        return ada;
    }

    private static long Scalar(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static List<PulledEvent> AsPulled(TestShop shop, string tillId) =>
        [.. OutboxTests.Events(shop).Select(e => new PulledEvent(e.Seq, e.EventId, "shop-1", tillId, e.Seq, e.Kind, e.Customer, e.PayloadJson, e.At))];
}
