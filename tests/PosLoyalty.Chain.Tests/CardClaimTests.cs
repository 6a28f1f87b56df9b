using Npgsql;

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
}
