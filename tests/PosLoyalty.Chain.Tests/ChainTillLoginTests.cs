using Npgsql;

namespace PosLoyalty.Chain.Tests;

/// <summary>A till's login writes only as the till till_logins maps it to: not as another till, not in another shop.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainTillLoginTests(PostgresCluster cluster)
{
    private const string InsertAs = "INSERT INTO events (event_id, shop_id, till_id, seq, kind, payload, occurred_at) VALUES (gen_random_uuid(), $1, $2, $3, 'note-added', '{}', now())";

    [PostgresClusterFact]
    public async Task A_till_login_may_not_insert_as_update_or_delete_another_tills_events()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        db.Execute("INSERT INTO events (event_id, shop_id, till_id, seq, kind, payload, occurred_at) VALUES (gen_random_uuid(), 'shop-1', 'till-b', 1, 'note-added', '{}', now())");
        await using var tillA = new NpgsqlConnection(db.CreateTillLogin("till-a"));
        await tillA.OpenAsync();

        Assert.Equal(1, await InsertAsync(tillA, "shop-1", "till-a", 1));
        foreach (var (shop, till) in new[] { ("shop-1", "till-b"), ("shop-1", "till-c"), ("shop-2", "till-a") })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(tillA, shop, till, 2));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("row-level security", refused.MessageText, StringComparison.Ordinal);
        }

        // SET ROLE does not change session_user: the login is still only till-a.
        await using (var setRole = new NpgsqlCommand($"SET ROLE {ChainSchema.DefaultTillRole}", tillA))
        {
            await setRole.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(tillA, "shop-1", "till-b", 2));
        foreach (var sql in new[] { "UPDATE events SET payload = '{\"x\":1}' WHERE till_id = 'till-b'", "UPDATE events SET till_id = 'till-a' WHERE till_id = 'till-b'", "DELETE FROM events WHERE till_id = 'till-b'", "UPDATE till_logins SET till_id = 'till-b'", "INSERT INTO till_logins (login, shop_id, till_id) VALUES (session_user, 'shop-1', 'till-b')" })
        {
            await using var cmd = new NpgsqlCommand(sql, tillA);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events WHERE till_id = 'till-b'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM events WHERE till_id = 'till-a'"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM events WHERE payload ? 'x'"));
    }

    [PostgresClusterFact]
    public async Task A_login_that_till_logins_does_not_name_reads_but_adds_nothing()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        db.Execute("INSERT INTO events (event_id, shop_id, till_id, seq, kind, payload, occurred_at) VALUES (gen_random_uuid(), 'shop-1', 'till-b', 1, 'note-added', '{}', now())");
        await using var unmapped = new NpgsqlConnection(db.CreateUnmappedTillLogin());
        await unmapped.OpenAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(unmapped, "shop-1", "till-a", 1));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        await using var select = new NpgsqlCommand("SELECT count(*) FROM events", unmapped);
        Assert.Equal(1L, await select.ExecuteScalarAsync());
    }

    [PostgresClusterFact]
    public async Task A_till_configured_as_another_till_than_its_login_is_told_so_and_keeps_its_outbox()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var impostor = new TestTill("till-b", db.CreateTillLogin("till-a"));
        impostor.Enrol("Ada", "CARD0001");

        var refused = await Assert.ThrowsAsync<ChainException>(impostor.SyncAsync);

        Assert.Contains("till 'till-b' of shop 'shop-1'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("till_logins", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(1, impostor.Outbox.ReadState().OutboxDepth);
    }

    private static async Task<int> InsertAsync(NpgsqlConnection connection, string shop, string till, long seq)
    {
        await using var cmd = new NpgsqlCommand(InsertAs, connection) { Parameters = { new() { Value = shop }, new() { Value = till }, new() { Value = seq } } };
        return await cmd.ExecuteNonQueryAsync();
    }
}
