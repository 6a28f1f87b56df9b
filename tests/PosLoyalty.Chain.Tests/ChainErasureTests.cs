using Npgsql;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Chain.Tests;

/// <summary>An erasure at one till erases on PostgreSQL and at the other tills, and the books still add up.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainErasureTests(PostgresCluster cluster)
{
    private const string Card = "4006381333931";
    private static readonly string[] Person = ["Ottoline Brackenbury", "Miss Otto", "+44 7700 900777", "ottoline.b@example.org", "brings her own cup, allergic to hazelnut", Card];

    [PostgresClusterFact]
    public async Task An_erasure_at_one_till_strips_every_earlier_event_on_postgresql_and_the_other_tills_file()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        EnrolPerson(a);
        a.Customers.Edit(a.Holder(Card), new CustomerEdit { Greeting = Person[1] });
        var earned = a.Sell(Card, 12m).PointsEarned.Value;
        await a.SyncAsync();
        await b.SyncAsync();
        Assert.Equal(Person[0], b.Customers.GetProfile(b.Holder(Card)).Customer.DisplayName);
        Assert.NotEmpty(db.Find(Person)); // the test's premise: PostgreSQL held the person

        var erasedAtB = b.Holder(Card);
        b.Privacy.Erase(erasedAtB);
        await b.SyncAsync();
        var atA = a.Holder(Card);
        await a.SyncAsync();

        Assert.Empty(db.Find(Person));
        Assert.Empty(ByteScan.Find(a.Database.Path, Person));
        Assert.Empty(ByteScan.Find(b.Database.Path, Person));
        Assert.Null(a.Customers.FindByCard(CardNumber.Parse(Card)));
        Assert.Equal(earned, Ledger(a, atA));
        Assert.Equal(earned, Ledger(b, erasedAtB));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events WHERE kind = 'sale-recorded'"));
        Assert.Equal(3, db.Scalar("SELECT count(*) FROM events WHERE payload ? 'redacted'")); // enrolment, note, edit
    }

    [PostgresClusterFact]
    public async Task A_note_pushed_late_by_a_till_that_was_offline_reaches_postgresql_without_its_text()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ottoline", Card);
        await a.SyncAsync();
        await b.SyncAsync();

        // A is offline: its note waits in its outbox while B erases the customer and pushes the erasure.
        a.Customers.AddNote(a.Holder(Card), Person[4], pinned: false);
        b.Privacy.Erase(b.Holder(Card));
        await b.SyncAsync();
        await a.SyncAsync(); // pushes the note, then pulls the erasure

        Assert.Empty(db.Find(Person));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events WHERE kind = 'note-added' AND payload ? 'redacted' AND NOT payload ? 'text'"));
        Assert.Empty(ByteScan.Find(a.Database.Path, Person));
    }

    [PostgresClusterFact]
    public async Task A_customer_erased_before_their_first_push_still_counts_their_points_at_the_other_tills()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        EnrolPerson(a);
        var earned = a.Sell(Card, 12m).PointsEarned.Value;
        var id = a.Holder(Card);
        a.Privacy.Erase(id);

        await a.SyncAsync();
        var atB = await b.SyncAsync();

        Assert.Equal(4, atB.Applied); // the enrolment and the note without the person, the sale, the erasure
        Assert.Equal(0, b.Outbox.ReadState().WaitingToApply);
        Assert.Empty(db.Find(Person));
        Assert.Empty(ByteScan.Find(b.Database.Path, Person));
        Assert.Equal(earned, Sum(b, "SELECT COALESCE(SUM(delta), 0) FROM ledger"));
        Assert.Equal(1, Sum(b, "SELECT COUNT(*) FROM customers WHERE erased_at IS NOT NULL AND display_name = '(erased)'"));
    }

    [PostgresClusterFact]
    public async Task A_till_role_cannot_run_the_erasure_function_itself_nor_update_events()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        db.Execute("INSERT INTO events (event_id, shop_id, till_id, seq, kind, customer, payload, occurred_at) VALUES (gen_random_uuid(), 'shop-1', 'till-b', 1, 'note-added', gen_random_uuid(), '{\"text\":\"kept\"}', now())");
        await using var till = new NpgsqlConnection(db.CreateTillLogin("till-a"));
        await till.OpenAsync();

        foreach (var sql in new[] { "SELECT erase_customer_events()", "UPDATE events SET payload = redact_personal(kind, payload)" })
        {
            await using var cmd = new NpgsqlCommand(sql, till);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains(refused.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.FeatureNotSupported });
        }

        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events WHERE payload->>'text' = 'kept'"));
    }

    [PostgresClusterFact]
    public async Task An_erasure_redacts_on_a_server_migrated_by_the_database_owner_as_docs_chain_md_sets_it_up()
    {
        // As a shop does it: an owner role that is no superuser, owning the database; chain init as that owner. A
        // superuser's init would hide a missing privilege of the erasure's SECURITY DEFINER function.
        var suffix = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var owner = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Username = "owner_" + suffix, Password = "pw" + suffix, Database = "shop_" + suffix };
        await using (var super = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await super.OpenAsync();
            foreach (var sql in new[] { $"CREATE ROLE {owner.Username} LOGIN CREATEROLE PASSWORD '{owner.Password}'", $"CREATE DATABASE {owner.Database} OWNER {owner.Username}" })
            {
                await using var cmd = new NpgsqlCommand(sql, super);
                await cmd.ExecuteNonQueryAsync();
            }
        }

        await using (var ds = ChainConnection.Open(owner.ConnectionString))
        {
            await ChainSchema.MigrateAsync(ds, "till_role_" + suffix, CancellationToken.None);
        }

        var db = new ChainDatabase(owner.ConnectionString);
        var login = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Username = "till_" + suffix, Password = "tpw" + suffix };
        new ChainDatabase(cluster.AdminConnectionString).Execute($"CREATE ROLE {login.Username} LOGIN PASSWORD '{login.Password}' IN ROLE till_role_{suffix}");
        db.Execute($"INSERT INTO till_logins (login, shop_id, till_id) VALUES ('{login.Username}', 'shop-1', 'till-a')");
        using var a = new TestTill("till-a", login.ConnectionString);
        EnrolPerson(a);
        await a.SyncAsync();
        Assert.NotEmpty(db.Find(Person));

        a.Privacy.Erase(a.Holder(Card));
        await a.SyncAsync();

        Assert.Empty(db.Find(Person));
    }

    private static void EnrolPerson(TestTill till)
    {
        var id = till.Customers.Enrol(new NewCustomer(CardNumber.Parse(Card), Person[0], Phone: Person[2], Email: Person[3], MarketingConsent: true));
        till.Customers.AddNote(id, Person[4], pinned: true);
    }

    private static long Ledger(TestTill till, CustomerId id) =>
        Sum(till, $"SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE customer_id = {id.Value}");

    private static long Sum(TestTill till, string sql)
    {
        using var c = till.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
