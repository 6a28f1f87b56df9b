using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Schema;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

/// <summary>The stamp ledger in a real file: a card's count is its rows' sum, rows are never changed or removed.</summary>
public sealed class StampLedgerStorageTests
{
    private const int LedgerVersion = 6;

    [Fact]
    public void Upgrade_to_the_ledger_keeps_every_customers_count_even_after_an_old_merge()
    {
        using var shop = new TestShop();
        using (var c = shop.Raw())
        {
            Migrations.Apply(c, targetVersion: LedgerVersion - 1);
            Exec(c, """
                INSERT INTO customers (id, display_name, enrolled_at) VALUES (1, 'Kept', '2024-01-01T09:00:00.000Z');
                INSERT INTO customers (id, display_name, enrolled_at, merged_into) VALUES (2, 'Merged away', '2024-01-01T09:00:00.000Z', 1);
                INSERT INTO customers (id, display_name, enrolled_at) VALUES (3, 'Logged', '2024-01-01T09:00:00.000Z');
                INSERT INTO cards (card_number, customer_id, issued_at) VALUES ('OLD00001', 1, '2024-01-01T09:00:00.000Z');
                INSERT INTO cards (card_number, customer_id, issued_at) VALUES ('OLD00003', 3, '2024-01-01T09:00:00.000Z');
                -- The old merge summed stamp_cards into customer 1 and left customer 2's rows where they were.
                INSERT INTO stamp_cards (customer_id, program, count, completed) VALUES (1, 'coffee', 7, 1);
                INSERT INTO stamp_cards (customer_id, program, count) VALUES (3, 'coffee', 4);
                INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES (1, 'coffee', 2, 'enrolment', '2024-01-01T09:00:00.000Z');
                INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES (2, 'coffee', 5, 'stamp', '2024-01-02T09:00:00.000Z');
                INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES (3, 'coffee', 2, 'enrolment', '2024-01-01T09:00:00.000Z');
                INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES (3, 'coffee', 2, 'stamp', '2024-01-02T09:00:00.000Z');
                """);
        }

        SqliteConnection.ClearAllPools();
        var kept = shop.Customers.GetProfile(shop.Customers.Resolve("OLD00001")).Stamps.Single(s => s.Program == "coffee");
        var logged = shop.Customers.GetProfile(shop.Customers.Resolve("OLD00003")).Stamps.Single(s => s.Program == "coffee");

        Assert.Equal((7, 0), (kept.Count, kept.Owed));
        Assert.Equal((4, 0), (logged.Count, logged.Owed));
        Assert.Equal(0, shop.Stamps(new CustomerId(2)));
        Assert.Equal(5, shop.Scalar("SELECT delta FROM stamp_events WHERE customer_id = 1 AND reason = 'migrated'"));
        Assert.Equal(-5, shop.Scalar("SELECT delta FROM stamp_events WHERE customer_id = 2 AND reason = 'migrated'"));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM stamp_events WHERE customer_id = 3 AND reason = 'migrated'")); // its rows already added up
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'stamp_cards'"));
    }

    [Fact]
    public void The_stamp_ledger_refuses_update_and_delete()
    {
        using var shop = new TestShop();
        var ada = shop.Enrol("Ada", "CARD0001");
        shop.Buy(ada, 4m, Item("Latte", 4m));
        using var c = shop.Raw();

        foreach (var sql in new[] { "UPDATE stamp_events SET delta = 100", "DELETE FROM stamp_events", "UPDATE stamp_events SET customer_id = 99 WHERE reason = 'stamp'" })
        {
            var ex = Assert.Throws<SqliteException>(() => Exec(c, sql));
            Assert.Contains("the stamp ledger is append-only", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(PreStamped + 1, shop.Stamps(ada));
    }

    [Fact]
    public void Merge_moves_stamps_and_a_debt_by_a_pair_of_rows()
    {
        using var shop = new TestShop();
        var keep = shop.Enrol("Ada Lovelace", "CARD0001");
        var duplicate = shop.Enrol("Ada L.", "CARD0002");
        shop.Buy(keep, 4m, Item("Latte", 4m));
        using (var c = shop.Raw())
        {
            // As another till's coupon leaves it: the duplicate's card consumed twice, 2 − 10 = 8 owed.
            Exec(c, $"INSERT INTO stamp_events (customer_id, program, delta, reason, at, till) VALUES ({duplicate.Value}, 'coffee', -10, 'coupon', '2025-06-02T08:00:00.000Z', 'shop-1/till-B')");
        }

        Assert.Equal(8, shop.Customers.GetProfile(duplicate).Stamps.Single(s => s.Program == "coffee").Owed);

        shop.Privacy.Merge(keep, duplicate);

        Assert.Equal(PreStamped + 1 + PreStamped - 10, shop.Stamps(keep));
        Assert.Equal(0, shop.Stamps(duplicate));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM stamp_events WHERE customer_id = $id AND reason = 'merge' AND delta = -8", ("$id", keep.Value)));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM stamp_events WHERE customer_id = $id AND reason = 'merge' AND delta = 8", ("$id", duplicate.Value)));
        var card = shop.Customers.GetProfile(keep).Stamps.Single(s => s.Program == "coffee");
        Assert.Equal((0, 5), (card.Count, card.Owed));
    }

    [Fact]
    public void A_later_sale_pays_the_debt_first_and_issues_no_coupon()
    {
        using var shop = new TestShop();
        var ada = shop.Enrol("Ada", "CARD0001");
        using (var c = shop.Raw())
        {
            Exec(c, $"INSERT INTO stamp_events (customer_id, program, delta, reason, at, till) VALUES ({ada.Value}, 'coffee', -11, 'coupon', '2025-06-02T08:00:00.000Z', 'shop-1/till-B')");
        }

        var outcome = shop.Buy(ada, 4m, Item("Latte", 4m));

        var card = outcome.Stamps.Single(s => s.Program == "coffee");
        Assert.Equal((0, 11 - PreStamped - 1), (card.Count, card.Owed));
        Assert.DoesNotContain(outcome.CouponsIssued, k => k.Reward == "Free coffee");
        Assert.Equal(PreStamped - 11 + 1, shop.Stamps(ada));
    }

    [Fact]
    public void Erasure_keeps_the_stamp_rows_anonymous_and_export_lists_them_before()
    {
        using var shop = new TestShop();
        var ada = shop.Enrol("Ada", "CARD0001");
        shop.Buy(ada, 4m, Item("Latte", 4m));
        var exported = shop.Privacy.Export(ada).StampEvents;
        Assert.Equal(["enrolment", "stamp"], exported.Select(e => e.Reason));

        shop.Privacy.Erase(ada);

        Assert.Equal(PreStamped + 1, shop.Stamps(ada));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM customers WHERE id = $id AND display_name = 'Ada'", ("$id", ada.Value)));
    }

    private static int PreStamped => Rules.StampCards.Single(s => s.Id == "coffee").PreStamped;
}
