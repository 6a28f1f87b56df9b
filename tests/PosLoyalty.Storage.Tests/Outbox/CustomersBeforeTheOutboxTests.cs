using System.Text.Json;
using Microsoft.Data.Sqlite;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Schema;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests.Outbox;

/// <summary>
/// A file from before the outbox (older than SQLite step 5) upgraded in place: its customers never had an enrolment
/// event, and step 10 gives each live one its event, so that another till can hear of them.
/// </summary>
public sealed class CustomersBeforeTheOutboxTests
{
    private const int BeforeTheOutbox = 4;

    [Fact]
    public void Each_live_customer_from_before_the_outbox_is_announced_once_with_their_balance_and_stamps_and_another_till_applies_it()
    {
        using var a = new TestShop();
        using (var c = a.Raw())
        {
            Migrations.Apply(c, targetVersion: BeforeTheOutbox);
            Exec(c, """
                INSERT INTO customers (id, display_name, greeting, enrolled_at, points_balance, visit_count) VALUES (1, 'Old Regular', 'Ollie', '2024-01-01T09:00:00.000Z', 130, 2);
                INSERT INTO customers (id, display_name, enrolled_at, merged_into) VALUES (2, 'Merged away', '2024-01-01T09:00:00.000Z', 1);
                INSERT INTO customers (id, display_name, enrolled_at, erased_at) VALUES (3, '(erased)', '2024-01-01T09:00:00.000Z', '2024-06-01T09:00:00.000Z');
                INSERT INTO cards (card_number, customer_id, issued_at) VALUES ('OLD00001', 1, '2024-01-01T09:00:00.000Z');
                INSERT INTO cards (card_number, customer_id, issued_at) VALUES ('OLD00002', 2, '2024-01-01T09:00:00.000Z');
                INSERT INTO notes (customer_id, text, created_at) VALUES (1, 'oat milk', '2024-01-01T09:00:00.000Z');
                INSERT INTO ledger (customer_id, delta, reason, at) VALUES (1, 100, 'purchase', '2024-01-02T09:00:00.000Z');
                INSERT INTO ledger (customer_id, delta, reason, at) VALUES (1, 30, 'purchase', '2024-01-03T09:00:00.000Z');
                INSERT INTO stamp_cards (customer_id, program, count) VALUES (1, 'coffee', 4);
                INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES (1, 'coffee', 4, 'stamp', '2024-01-02T09:00:00.000Z');
                """);
        }

        SqliteConnection.ClearAllPools();
        _ = a.Database; // opening the file brings it to the current version
        var events = OutboxTests.Events(a);

        var enrolment = Assert.Single(events); // customer 1 only: 2 is merged away, 3 erased
        Assert.Equal(ChainEventKinds.CustomerEnrolled, enrolment.Kind);
        using (var payload = JsonDocument.Parse(enrolment.PayloadJson))
        {
            Assert.Equal("Old Regular", payload.RootElement.GetProperty("name").GetString());
            Assert.Equal(130, payload.RootElement.GetProperty("openingPoints").GetInt64());
        }

        // Opened again: nothing is announced twice.
        LoyaltyDatabase.Open(a.DatabasePath);
        Assert.Single(OutboxTests.Events(a));

        using var b = new TestShop();
        Assert.Equal(1, new ChainInbox(b.Database, b.Clock).Receive(ChainInboxTests.AsPulled(a, "till-A")));
        var atB = b.Customers.GetProfile(b.Customers.Resolve("OLD00001"));
        Assert.Equal(("Old Regular", "Ollie"), (atB.Customer.DisplayName, atB.Customer.Greeting));
        Assert.Equal(130, atB.Balance.Value);
        Assert.Equal(4, atB.Stamps.Single(s => s.Program == "coffee").Count);
        Assert.Equal("oat milk", Assert.Single(atB.Notes).Text);
        Assert.Equal(0, b.BalancesOffTheLedger());
    }

    [Fact]
    public void A_file_that_had_the_outbox_already_announces_nobody_again()
    {
        using var a = new TestShop();
        a.Enrol("Ada", "CARD0001");
        using (var c = a.Raw())
        {
            Exec(c, $"PRAGMA user_version = {Migrations.CurrentVersion - 1}"); // as if step 10 had not run yet
        }

        SqliteConnection.ClearAllPools();
        LoyaltyDatabase.Open(a.DatabasePath);

        Assert.Single(OutboxTests.Events(a)); // Ada's own enrolment, not a second
    }
}
