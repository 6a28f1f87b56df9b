using System.Text.Json;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests.Outbox;

public sealed class OutboxTests
{
    [Fact]
    public void Every_change_writes_exactly_one_event_of_its_kind_in_till_order()
    {
        using var shop = new TestShop();
        shop.Manager.SetPin("2468", currentPin: null);
        var steps = new List<(string Kind, Action Change)>();
        CustomerId ada = default, bo = default;
        string? refunded = null;
        CouponCodeHolder coupon = new();

        void Expect(string kind, Action change)
        {
            var before = Events(shop).Count;
            change();
            var after = Events(shop);
            Assert.True(after.Count == before + 1, $"{kind}: {after.Count - before} events written, expected 1 ({string.Join(", ", after.Skip(before).Select(e => e.Kind))})");
            Assert.Equal(kind, after[^1].Kind);
        }

        Expect(ChainEventKinds.CustomerEnrolled, () => ada = shop.Enrol("Ada", "CARD0001"));
        Expect(ChainEventKinds.CustomerEnrolled, () => bo = shop.Enrol("Bo", "CARD0002"));
        Expect(ChainEventKinds.NoteAdded, () => shop.Customers.AddNote(ada, "oat milk", pinned: false));
        Expect(ChainEventKinds.CustomerEdited, () => shop.Customers.Edit(ada, new CustomerEdit { Greeting = "Ads" }));
        Expect(ChainEventKinds.CardReplaced, () => shop.Customers.ReplaceCard(ada, CardNumber.Parse("CARD0003")));
        Expect(ChainEventKinds.SaleRecorded, () => refunded = shop.Buy(ada, 4m, Item("Tea", 4m)).ReceiptNumber);
        Expect(ChainEventKinds.SaleRefunded, () => shop.Sales.Refund("till-1", refunded!, shop.Clock.GetUtcNow()));
        Expect(ChainEventKinds.PointsAdjusted, () => shop.Manager.AdjustPoints(ada, new Points(25), "goodwill for a spilt drink", "2468"));

        // A sale that issues a coupon is two changes: the coupon, then the sale that carries its code.
        var birthday = shop.Enrol("Cy", "CARD0004", birthday: MonthDay.Create(6, 4));
        var before = Events(shop).Count;
        coupon.Code = Assert.Single(shop.Buy(birthday, 2m, Item("Scone", 2m)).CouponsIssued).Code;
        Assert.Equal([ChainEventKinds.CouponIssued, ChainEventKinds.SaleRecorded], Events(shop).Skip(before).Select(e => e.Kind));

        Expect(ChainEventKinds.CouponRedeemed, () => shop.Coupons.Redeem(coupon.Code!.Value));
        var second = shop.Enrol("Di", "CARD0005", birthday: MonthDay.Create(6, 4));
        var voidable = Assert.Single(shop.Buy(second, 2m, Item("Scone", 2m)).CouponsIssued).Code;
        Expect(ChainEventKinds.CouponVoided, () => shop.Coupons.Void(voidable, "printed twice"));
        Expect(ChainEventKinds.CustomersMerged, () => shop.Privacy.Merge(ada, bo));
        Expect(ChainEventKinds.CustomerErased, () => shop.Privacy.Erase(second));

        var events = Events(shop);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.All(events, e => Assert.Equal(7, e.EventId.Version));
    }

    [Fact]
    public void Replayed_receipt_writes_no_event()
    {
        using var shop = new TestShop();
        var ada = shop.Enrol("Ada", "CARD0001");
        var sale = shop.NewSale(5m, Item("Latte", 5m));
        shop.Sales.Apply(ada, sale);
        var before = Events(shop).Count;

        var replay = shop.Sales.Apply(ada, sale);

        Assert.True(replay.Duplicate);
        Assert.Equal(before, Events(shop).Count);
    }

    [Fact]
    public void A_change_that_rolls_back_leaves_no_event_and_an_event_that_fails_rolls_the_change_back()
    {
        using var shop = new TestShop();
        shop.Enrol("Ada", "CARD0001");
        var before = Events(shop).Count;

        Assert.Throws<StorageException>(() => shop.Enrol("Ada again", "CARD0001"));
        Assert.Equal(before, Events(shop).Count);

        using (var c = shop.Raw())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "CREATE TRIGGER outbox_full BEFORE INSERT ON chain_outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;";
            cmd.ExecuteNonQuery();
        }

        Assert.Throws<SqliteException>(() => shop.Enrol("Bo", "CARD0002"));
        Assert.Null(shop.Customers.FindByCard(CardNumber.Parse("CARD0002")));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public void Erasure_event_carries_only_the_chain_id_and_waiting_events_lose_the_personal_fields()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Zebulon Quartermaine", "ZQCARD98765", phone: "+44 7700 900123");
        shop.Customers.AddNote(id, "asks for Zeb", pinned: true);

        shop.Privacy.Erase(id);

        var events = Events(shop);
        var erased = events[^1];
        Assert.Equal(ChainEventKinds.CustomerErased, erased.Kind);
        using var doc = JsonDocument.Parse(erased.PayloadJson);
        Assert.Equal(["customer"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(erased.Customer.ToString(), doc.RootElement.GetProperty("customer").GetString());
        foreach (var e in events)
        {
            Assert.DoesNotContain("Zebulon", e.PayloadJson, StringComparison.Ordinal);
            Assert.DoesNotContain("ZQCARD98765", e.PayloadJson, StringComparison.Ordinal);
            Assert.DoesNotContain("Zeb", e.PayloadJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pushed_events_leave_the_queue_and_their_payloads_the_file()
    {
        using var shop = new TestShop();
        shop.Enrol("Ada Lovelace", "CARD0001");
        shop.Enrol("Bo", "CARD0002");
        var outbox = new ChainOutbox(shop.Database);
        var first = outbox.ReadUnpushed(1);

        outbox.MarkPushed(Assert.Single(first).Seq, shop.Clock.GetUtcNow());

        var rest = outbox.ReadUnpushed(100);
        Assert.Equal(2, Assert.Single(rest).Seq);
        Assert.Equal(1, outbox.ReadState().OutboxDepth);
        Assert.Equal(shop.Clock.GetUtcNow(), outbox.ReadState().LastPushAt);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM chain_outbox WHERE payload LIKE '%Lovelace%'"));
    }

    [Fact]
    public async Task The_check_after_a_file_change_waits_for_the_commit_in_flight_and_sees_its_event()
    {
        using var shop = new TestShop();
        var outbox = new ChainOutbox(shop.Database);
        Assert.False(outbox.HasUnpushedOnceCommitted());

        // A writer inside its commit: the sync service's file watch fires on the WAL write before the commit is
        // visible to readers. Here the writer holds the write lock with its event written and not yet committed.
        using var writer = shop.Database.OpenConnection();
        using var tx = writer.BeginTransaction(deferred: false);
        Sql.Execute(writer, tx, "INSERT INTO chain_outbox (event_id, kind, payload, at) VALUES ('0190a000-0000-7000-8000-000000000001', 'sale-recorded', '{}', '2025-06-02T08:00:00.000Z')");

        Assert.Equal(0, outbox.ReadState().OutboxDepth); // what a plain read sees at that moment: the old check slept on this
        var check = Task.Run(outbox.HasUnpushedOnceCommitted);
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // time for the check to reach the lock; not a bound on anything
        Assert.False(check.IsCompleted, "the check answered while the writer was still inside its commit");

        tx.Commit();
        Assert.True(await check.WaitAsync(TimeSpan.FromSeconds(60)), "the check did not see the event the writer committed");
    }

    internal static List<OutboxEvent> Events(TestShop shop)
    {
        // Every event, pushed or not: read the table itself, as the outbox only hands out unpushed ones.
        var events = new List<OutboxEvent>();
        using var c = shop.Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, event_id, kind, customer, COALESCE(payload, '{}'), at FROM chain_outbox ORDER BY seq";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            events.Add(new OutboxEvent(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2), r.IsDBNull(3) ? null : Guid.Parse(r.GetString(3)), r.GetString(4), DateTimeOffset.Parse(r.GetString(5), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return events;
    }

    private sealed class CouponCodeHolder
    {
        public Domain.Coupons.CouponCode? Code { get; set; }
    }
}
