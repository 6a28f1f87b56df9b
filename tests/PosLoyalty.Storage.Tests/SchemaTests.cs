using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Schema;

namespace PosLoyalty.Storage.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Empty_file_migrates_to_the_current_version()
    {
        using var shop = new TestShop();
        _ = shop.Database;
        using var c = shop.Raw();
        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(c));
        foreach (var table in new[] { "customers", "cards", "notes", "sales", "sale_items", "ledger", "stamp_events", "coupons", "audit", "settings" })
        {
            Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", table)));
        }

        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'stamp_cards'")); // a card is its ledger's sum
    }

    [Fact]
    public void Opening_twice_applies_nothing_twice()
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        var again = LoyaltyDatabase.Open(shop.DatabasePath);
        using var c = again.OpenConnection();
        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(c));
        Assert.Equal(1, shop.Scalar("SELECT COUNT(*) FROM customers WHERE id = $id", ("$id", id.Value)));
    }

    [Fact]
    public void Every_earlier_version_upgrades_with_its_data_intact()
    {
        Assert.True(Migrations.CurrentVersion >= 2, "there are earlier versions to upgrade from");
        for (var version = 1; version < Migrations.CurrentVersion; version++)
        {
            using var shop = new TestShop();
            using (var c = shop.Raw())
            {
                Migrations.Apply(c, targetVersion: version);
                Assert.Equal(version, Migrations.ReadVersion(c));
                using var cmd = c.CreateCommand();

                // Rows that version 1 already knew: a customer with a card, a sale with an item, a ledger row, a coupon.
                cmd.CommandText = """
                    INSERT INTO customers (id, display_name, birthday, enrolled_at, points_balance, visit_count, last_visit_at)
                        VALUES (1, 'Old Timer', '03-14', '2024-01-01T09:00:00.000Z', 12, 1, '2024-01-02T09:00:00.000Z');
                    INSERT INTO cards (card_number, customer_id, issued_at) VALUES ('OLD00001', 1, '2024-01-01T09:00:00.000Z');
                    INSERT INTO sales (id, till_id, receipt_number, kind, customer_id, total_e4, currency, at, at_offset_minutes)
                        VALUES (1, 'till-1', 'R1', 'sale', 1, 125000, 'EUR', '2024-01-02T09:00:00.000Z', 60);
                    INSERT INTO sale_items (sale_id, line, sku, description, quantity, amount_e4) VALUES (1, 1, NULL, 'Latte', '1', 125000);
                    INSERT INTO ledger (customer_id, sale_id, delta, reason, at) VALUES (1, 1, 12, 'purchase', '2024-01-02T09:00:00.000Z');
                    INSERT INTO coupons (code, customer_id, sale_id, source, reward, issued_at, expires_at)
                        VALUES ('00000000000000', 1, 1, 'stamp-card:coffee', 'Free coffee', '2024-01-02T09:00:00.000Z', '2024-04-01T09:00:00.000Z');
                    """;
                cmd.ExecuteNonQuery();

                // Three stamps on the coffee card: counted in stamp_cards before the ledger, as its sum after.
                cmd.CommandText = TableExists(c, "stamp_cards")
                    ? "INSERT INTO stamp_cards (customer_id, program, count) VALUES (1, 'coffee', 3);"
                    : "INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES (1, 'coffee', 3, 'migrated', '2024-01-02T09:00:00.000Z');";
                cmd.ExecuteNonQuery();
            }

            SqliteConnection.ClearAllPools();
            var db = LoyaltyDatabase.Open(shop.DatabasePath);
            using (var c = db.OpenConnection())
            {
                Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(c));
            }

            var card = shop.Customers.FindByCard(CardNumber.Parse("OLD00001"));
            Assert.NotNull(card);
            var profile = shop.Customers.GetProfile(card.CustomerId);
            Assert.Equal("Old Timer", profile.Customer.DisplayName);
            Assert.Equal(MonthDay.Create(3, 14), profile.Customer.Birthday);
            Assert.Equal(new Points(12), profile.Balance);
            Assert.Equal(12.5m, profile.TotalSpend);
            Assert.Equal(3, profile.Stamps.Single(s => s.Program == "coffee").Count);
            Assert.Equal((1L, 1L, 1L, 1L, 1L), TestShop.Counts(shop.DatabasePath));
        }
    }

    [Fact]
    public void File_from_a_newer_program_is_refused_and_left_alone()
    {
        using var shop = new TestShop();
        var newer = Migrations.CurrentVersion + 1;
        using (var c = shop.Raw())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE TABLE future (x); PRAGMA user_version = {newer};";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StorageException>(() => LoyaltyDatabase.Open(shop.DatabasePath));
        Assert.Contains($"version {newer} is newer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("install the newer PosLoyalty", ex.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        using var check = shop.Raw();
        Assert.Equal(newer, Migrations.ReadVersion(check));
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'customers'"));
    }

    [Fact]
    public void Missing_directory_is_named()
    {
        using var shop = new TestShop();
        var path = Path.Combine(shop.Directory, "no-such-dir", "loyalty.db");
        var ex = Assert.Throws<StorageException>(() => LoyaltyDatabase.Open(path));
        Assert.Contains("no-such-dir", ex.Message, StringComparison.Ordinal);
        Assert.Throws<StorageException>(() => LoyaltyDatabase.Open(Path.Combine(shop.Directory, "absent.db"), createIfMissing: false));
        Assert.False(File.Exists(Path.Combine(shop.Directory, "absent.db")));
    }

    [Fact]
    public void Every_connection_is_wal_with_full_sync_and_foreign_keys()
    {
        using var shop = new TestShop();
        var connections = Enumerable.Range(0, 4).Select(_ => shop.Database.OpenConnection()).ToList();
        try
        {
            // And again after they went back to the pool.
            connections.ForEach(c => c.Dispose());
            connections = Enumerable.Range(0, 4).Select(_ => shop.Database.OpenConnection()).ToList();
            foreach (var c in connections)
            {
                Assert.Equal("wal", Pragma(c, "journal_mode"));
                Assert.Equal("2", Pragma(c, "synchronous"));
                Assert.Equal("1", Pragma(c, "foreign_keys"));
                Assert.Equal("1", Pragma(c, "secure_delete"));
                Assert.NotEqual("0", Pragma(c, "busy_timeout"));
            }
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void Foreign_keys_are_enforced()
    {
        using var shop = new TestShop();
        using var c = shop.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO cards (card_number, customer_id, issued_at) VALUES ('NOBODY01', 999, '2025-01-01T00:00:00.000Z')";
        var ex = Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("FOREIGN KEY", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE ledger SET delta = delta + 100")]
    [InlineData("DELETE FROM ledger")]
    public void Ledger_rows_cannot_be_changed_or_removed(string sql)
    {
        using var shop = new TestShop();
        var id = shop.Enrol("Ada", "CARD0001");
        shop.Buy(id, 20m);
        var before = shop.LedgerSum(id);
        Assert.NotEqual(0, before);

        using var c = shop.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var ex = Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, shop.LedgerSum(id));
    }

    private static string Pragma(SqliteConnection c, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static bool TableExists(SqliteConnection c, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        return (long)cmd.ExecuteScalar()! > 0;
    }
}
