namespace PosLoyalty.Chain.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ChainSyncTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public async Task A_card_enrolled_at_one_till_earns_at_another_and_both_show_the_sum_of_the_sales()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        var atA = a.Sell("CARD0001", 12m).PointsEarned.Value;

        Assert.Equal(new ChainSyncRound(2, 0, 0), await a.SyncAsync());
        Assert.Equal(new ChainSyncRound(0, 2, 2), await b.SyncAsync());
        Assert.Equal(atA, b.Points("CARD0001"));

        var atB = b.Sell("CARD0001", 7m).PointsEarned.Value;
        await b.SyncAsync();
        await a.SyncAsync();

        Assert.Equal(atA + atB, a.Points("CARD0001"));
        Assert.Equal(atA + atB, b.Points("CARD0001"));
        Assert.Equal(3, db.Scalar("SELECT count(*) FROM events"));
    }

    [PostgresClusterFact]
    public async Task Syncing_again_changes_nothing_anywhere()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        a.Sell("CARD0001", 12m);
        await a.SyncAsync();
        await b.SyncAsync();
        var points = b.Points("CARD0001");

        Assert.Equal(new ChainSyncRound(0, 0, 0), await a.SyncAsync());
        Assert.Equal(new ChainSyncRound(0, 0, 0), await b.SyncAsync());
        Assert.Equal(points, b.Points("CARD0001"));
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM events"));
    }

    [PostgresClusterFact]
    public async Task Pushing_the_same_events_twice_adds_them_once()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        a.Enrol("Ada", "CARD0001");
        a.Enrol("Bo", "CARD0002");
        var events = a.Outbox.ReadUnpushed(100);

        // As after a reply lost on the way back: the till did not mark them pushed and sends them again.
        Assert.Equal(2, await a.Store.PushAsync(events, CancellationToken.None));
        Assert.Equal(0, await a.Store.PushAsync(events, CancellationToken.None));

        Assert.Equal(2, db.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(2, db.Scalar("SELECT max(seq) FROM events WHERE till_id = 'till-a'"));
    }

    [PostgresClusterFact]
    public async Task A_second_file_claiming_to_be_the_same_till_is_refused_and_pushes_nothing()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        var login = db.CreateTillLogin("till-a");
        using var a = new TestTill("till-a", login);
        using var copy = new TestTill("till-a", login);
        a.Enrol("Ada", "CARD0001");
        copy.Enrol("Bo", "CARD0002");
        await a.SyncAsync();

        var refused = await Assert.ThrowsAsync<ChainException>(copy.SyncAsync);

        Assert.Contains("seq 1 of till 'till-a'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(1, copy.Outbox.ReadState().OutboxDepth);
    }

    [PostgresClusterFact]
    public async Task A_till_never_pulls_its_own_events_back()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        a.Enrol("Ada", "CARD0001");
        await a.SyncAsync();

        Assert.Empty(await a.Store.PullAsync(new Dictionary<(string Shop, string Till), long>(), 100, CancellationToken.None));
    }
}
