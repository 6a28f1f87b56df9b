using Npgsql;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain.Tests;

[Collection(PostgresCollection.Name)]
public sealed class CardClaimTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public async Task The_first_enrolment_of_a_card_to_reach_PostgreSQL_keeps_it_and_the_other_becomes_a_conflict_with_its_event_kept()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        b.Enrol("Bo", "CARD0001");

        await b.SyncAsync();
        await a.SyncAsync();

        Assert.Equal(2, db.Scalar("SELECT count(*) FROM events WHERE kind = 'customer-enrolled'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM cards WHERE card = 'CARD0001' AND till_id = 'till-b'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM card_conflicts WHERE card = 'CARD0001' AND till_id = 'till-a'"));
        Assert.Equal(
            1,
            db.Scalar("SELECT count(*) FROM card_conflicts k JOIN events w ON w.customer = k.holder AND w.till_id = 'till-b' JOIN events l ON l.event_id = k.claimant_event AND l.customer = k.claimant AND l.till_id = 'till-a'"));
    }

    [PostgresClusterFact]
    public async Task A_push_repeated_after_a_lost_reply_records_no_second_claim_or_conflict()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        b.Enrol("Bo", "CARD0001");
        await a.SyncAsync();
        var events = b.Outbox.ReadUnpushed(100);

        Assert.Equal(1, await b.Store.PushAsync(events, CancellationToken.None));
        Assert.Equal(0, await b.Store.PushAsync(events, CancellationToken.None));

        Assert.Equal(1, db.Scalar("SELECT count(*) FROM cards"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM card_conflicts"));
    }

    [PostgresClusterFact]
    public async Task The_same_customer_claiming_its_own_card_again_is_no_conflict_and_a_new_card_is_claimed()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        var ada = a.Enrol("Ada", "CARD0001");
        a.Customers.ReplaceCard(ada, PosLoyalty.Domain.Values.CardNumber.Parse("CARD0002"));

        await a.SyncAsync();

        Assert.Equal(2, db.Scalar("SELECT count(*) FROM cards WHERE till_id = 'till-a'"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM card_conflicts"));
    }

    [PostgresClusterFact]
    public async Task A_till_role_cannot_delete_or_rewrite_a_card_claim()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        var login = db.CreateTillLogin("till-a");
        using var a = new TestTill("till-a", login);
        a.Enrol("Ada", "CARD0001");
        await a.SyncAsync();

        await using var connection = new NpgsqlConnection(login);
        await connection.OpenAsync();
        foreach (var sql in new[] { "DELETE FROM cards", "UPDATE cards SET till_id = 'till-x'", "DELETE FROM card_conflicts" })
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(1, db.Scalar("SELECT count(*) FROM cards"));
    }

    [PostgresClusterFact]
    public async Task A_merge_of_two_enrolments_of_one_card_is_applied_at_the_other_till_and_settles_the_conflict_on_both()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        var ada = a.Enrol("Ada", "CARD0001");
        b.Enrol("Bo", "CARD0001");
        var atA = a.Sell("CARD0001", 12m).PointsEarned.Value;
        var atB = b.Sell("CARD0001", 7m).PointsEarned.Value;
        await a.SyncAsync();
        await b.SyncAsync();
        await a.SyncAsync();
        Assert.Equal(1, a.Outbox.ReadState().Conflicts);
        Assert.Equal(1, b.Outbox.ReadState().Conflicts);

        // At A, Bo is the customer pulled without the card: the second one enrolled in A's fresh file.
        var bo = new PosLoyalty.Domain.Values.CustomerId(ada.Value + 1);
        new PosLoyalty.Storage.Privacy.PrivacyRequests(a.Database, a.Clock).Merge(ada, bo);
        await a.SyncAsync();
        await b.SyncAsync();
        await a.SyncAsync();

        Assert.Equal(0, a.Outbox.ReadState().Conflicts);
        Assert.Equal(0, b.Outbox.ReadState().Conflicts);
        Assert.Equal(atA + atB, a.Points("CARD0001"));
        Assert.Equal(atA + atB, b.Points("CARD0001"));
    }

    [PostgresClusterFact]
    public async Task A_card_replacement_that_loses_to_another_tills_enrolment_is_listed_at_both_tills_with_PostgreSQLs_holder()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        var ada = a.Enrol("Ada", "CARD0001");
        var bo = b.Enrol("Bo", "CARD0002");
        b.Customers.ReplaceCard(bo, PosLoyalty.Domain.Values.CardNumber.Parse("CARD0001"));

        await a.SyncAsync();
        await b.SyncAsync();
        await a.SyncAsync();

        // A applied B's replacement without the card (Ada holds it there), so only PostgreSQL's decision shows it at A.
        foreach (var (till, holder) in new[] { (a, ada), (b, ChainCustomer(b, ada, a)) })
        {
            var conflict = Assert.Single(new ChainConflicts(till.Database).Read().Cards);
            Assert.Equal("****0001", conflict.MaskedCard);
            Assert.Equal("till-a", conflict.Holder.TillId);
            Assert.Equal("till-b", conflict.Claimant.TillId);
            Assert.Equal(holder, conflict.Holder.Customer);
            Assert.Equal(conflict.Holder.Customer, conflict.Keep);
            Assert.Equal(1, till.Outbox.ReadState().Conflicts);
        }
    }

    [PostgresClusterFact]
    public async Task A_conflict_merged_the_other_way_into_the_claimant_is_settled_at_both_tills()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        var bo = b.Enrol("Bo", "CARD0001");
        await a.SyncAsync();
        await b.SyncAsync();
        await a.SyncAsync();
        var atB = Assert.Single(new ChainConflicts(b.Database).Read().Cards);
        Assert.Equal(bo, atB.Duplicate);

        new PosLoyalty.Storage.Privacy.PrivacyRequests(b.Database, b.Clock).Merge(bo, atB.Keep);
        await b.SyncAsync();
        await a.SyncAsync();

        Assert.Empty(new ChainConflicts(a.Database).Read().Cards);
        Assert.Empty(new ChainConflicts(b.Database).Read().Cards);
        Assert.Equal(0, a.Outbox.ReadState().Conflicts);
        Assert.Equal(0, b.Outbox.ReadState().Conflicts);
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM card_conflicts")); // PostgreSQL keeps its decision; the merge settles it
    }

    [PostgresClusterFact]
    public async Task An_erased_party_takes_the_conflict_with_them_at_both_tills()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        var bo = b.Enrol("Bo", "CARD0001");
        await a.SyncAsync();
        await b.SyncAsync();
        await a.SyncAsync();
        Assert.Single(new ChainConflicts(a.Database).Read().Cards);

        b.Privacy.Erase(bo);
        Assert.Empty(new ChainConflicts(b.Database).Read().Cards);
        await b.SyncAsync();
        await a.SyncAsync();

        Assert.Equal(0, db.Scalar("SELECT count(*) FROM card_conflicts"));
        Assert.Equal(0, Rows(a, "SELECT count(*) FROM chain_card_conflicts"));
        Assert.Equal(0, Rows(b, "SELECT count(*) FROM chain_card_conflicts"));
        Assert.Equal(0, a.Outbox.ReadState().Conflicts);
    }

    /// <summary>The local id at <paramref name="at"/> of the customer <paramref name="home"/> knows as <paramref name="id"/>.</summary>
    private static PosLoyalty.Domain.Values.CustomerId ChainCustomer(TestTill at, PosLoyalty.Domain.Values.CustomerId id, TestTill home)
    {
        var chainId = Text(home, $"SELECT chain_id FROM chain_customers WHERE customer_id = {id.Value}");
        return new PosLoyalty.Domain.Values.CustomerId(Rows(at, $"SELECT customer_id FROM chain_customers WHERE chain_id = '{chainId}'"));
    }

    private static long Rows(TestTill till, string sql) => Convert.ToInt64(Query(till, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(TestTill till, string sql) => (string)Query(till, sql)!;

    private static object? Query(TestTill till, string sql)
    {
        using var c = till.Database.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
