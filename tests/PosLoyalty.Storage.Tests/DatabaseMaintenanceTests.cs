using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Schema;
using static PosLoyalty.Storage.Tests.TestShop;

namespace PosLoyalty.Storage.Tests;

public sealed class DatabaseMaintenanceTests
{
    [Fact]
    public void Backup_is_a_checked_database_with_the_same_rows()
    {
        using var shop = new TestShop();
        Populate(shop);
        var live = Counts(shop.DatabasePath);
        var backup = Path.Combine(shop.Directory, "backup.db");

        shop.Maintenance.Backup(backup);

        Assert.True(File.Exists(backup));
        Assert.False(File.Exists(backup + ".partial"));
        Assert.Equal(live, Counts(backup));
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", cmd.ExecuteScalar());
            Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(c));
        }

        Assert.Equal(shop.Clock.GetUtcNow(), shop.Maintenance.Check().LastBackupAt);
    }

    [Fact]
    public void Backup_never_overwrites_a_file()
    {
        using var shop = new TestShop();
        Populate(shop);
        var backup = Path.Combine(shop.Directory, "backup.db");
        File.WriteAllText(backup, "keep me");
        var ex = Assert.Throws<StorageException>(() => shop.Maintenance.Backup(backup));
        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(backup));
    }

    [Fact]
    public void Restore_keeps_the_current_file_and_brings_back_the_backup()
    {
        using var shop = new TestShop();
        Populate(shop);
        var atBackup = Counts(shop.DatabasePath);
        var backup = Path.Combine(shop.Directory, "backup.db");
        shop.Maintenance.Backup(backup);

        var late = shop.Enrol("Late Comer", "CARD0099");
        shop.Buy(late, 12m, Item("Latte", 12m, 3));
        var beforeRestore = Counts(shop.DatabasePath);
        Assert.NotEqual(atBackup, beforeRestore);

        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        var kept = shop.Maintenance.Restore(backup);

        Assert.Equal(atBackup, Counts(shop.DatabasePath));
        Assert.True(File.Exists(kept));
        Assert.Equal(beforeRestore, Counts(kept));
        Assert.Null(shop.Customers.FindByCard(CardNumber.Parse("CARD0099")));
        Assert.Empty(shop.Customers.Find("Late Comer"));

        // A fresh open of the restored file sees the same and is at the current schema.
        SqliteConnection.ClearAllPools();
        var reopened = LoyaltyDatabase.Open(shop.DatabasePath);
        using var c = reopened.OpenConnection();
        Assert.Equal(Migrations.CurrentVersion, Migrations.ReadVersion(c));
        Assert.Equal(0, shop.BalancesOffTheLedger());
    }

    [Fact]
    public void Restore_of_a_file_that_is_not_a_database_replaces_nothing()
    {
        using var shop = new TestShop();
        Populate(shop);
        var before = Counts(shop.DatabasePath);
        var bogus = Path.Combine(shop.Directory, "notes.txt");
        File.WriteAllText(bogus, string.Concat(Enumerable.Repeat("this is a shopping list, not a database\n", 200)));

        var ex = Assert.Throws<StorageException>(() => shop.Maintenance.Restore(bogus));
        Assert.Contains("notes.txt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Counts(shop.DatabasePath));
        Assert.Empty(Directory.GetFiles(shop.Directory, "*before-restore*"));
    }

    [Fact]
    public void Restore_of_a_database_that_is_not_ours_replaces_nothing()
    {
        using var shop = new TestShop();
        Populate(shop);
        var before = Counts(shop.DatabasePath);
        var foreign = Path.Combine(shop.Directory, "other.db");
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = foreign, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('scones');";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StorageException>(() => shop.Maintenance.Restore(foreign));
        Assert.Contains("not a PosLoyalty backup", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Counts(shop.DatabasePath));
    }

    [Fact]
    public void Check_reports_a_healthy_file_as_ok()
    {
        using var shop = new TestShop();
        Populate(shop);
        shop.Maintenance.Backup(Path.Combine(shop.Directory, "backup.db"));

        var report = shop.Maintenance.Check();
        Assert.Equal("ok", report.QuickCheck);
        Assert.Equal(0, report.BalanceMismatches);
        Assert.Equal(Migrations.CurrentVersion, report.SchemaVersion);
        Assert.Equal(3, report.Customers);
        Assert.Empty(report.Problems);
        Assert.True(report.Healthy);
    }

    [Fact]
    public void Check_asks_for_a_backup_when_none_was_made()
    {
        using var shop = new TestShop();
        Populate(shop);
        var report = shop.Maintenance.Check();
        Assert.Contains(report.Problems, p => p.Contains("no backup has been made", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_reports_a_balance_that_differs_from_the_ledger()
    {
        using var shop = new TestShop();
        var ids = Populate(shop);
        shop.Maintenance.Backup(Path.Combine(shop.Directory, "backup.db"));
        using (var c = shop.Database.OpenConnection())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE customers SET points_balance = points_balance + 7 WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", ids[0].Value);
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var report = shop.Maintenance.Check();
        Assert.Equal(1, report.BalanceMismatches);
        Assert.False(report.Healthy);
        Assert.Contains(report.Problems, p => p.Contains("differ from their ledger", StringComparison.Ordinal));
    }

    private static CustomerId[] Populate(TestShop shop)
    {
        var a = shop.Enrol("Ada", "CARD0001", birthday: MonthDay.Create(6, 4));
        var b = shop.Enrol("Bea", "CARD0002", referredByCard: "CARD0001");
        var c = shop.Enrol("Cy", "CARD0003");
        shop.Buy(a, 12m, Item("Latte", 4m), Item("Cake", 8m));
        shop.Buy(b, 6m, Item("Espresso", 6m, 2));
        shop.Customers.AddNote(c, "new in town", pinned: false);
        shop.Clock.Advance(TimeSpan.FromDays(1));
        shop.Buy(a, 4m);
        return [a, b, c];
    }
}
