using Npgsql;

namespace PosLoyalty.Chain.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ChainSchemaTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public async Task Init_twice_applies_each_migration_once_and_the_second_changes_nothing()
    {
        var admin = cluster.CreateDatabase();
        await using var ds = ChainConnection.Open(admin);

        var first = await ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None);
        var second = await ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, ChainSchema.CurrentVersion), first);
        Assert.Empty(second);
        var db = new ChainDatabase(admin);
        Assert.Equal(ChainSchema.CurrentVersion, db.Scalar("SELECT count(*) FROM schema_migrations"));
    }

    [PostgresClusterFact]
    public async Task Two_inits_at_once_both_succeed_and_apply_each_step_once()
    {
        var admin = cluster.CreateDatabase();
        await using var ds = ChainConnection.Open(admin);

        var both = await Task.WhenAll(
            ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None),
            ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None));

        Assert.Equal(ChainSchema.CurrentVersion, both.Sum(applied => applied.Count));
    }

    [PostgresClusterFact]
    public async Task A_till_role_adds_and_reads_events_but_may_not_update_or_delete_them()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        db.Execute("INSERT INTO events (event_id, shop_id, till_id, seq, kind, payload, occurred_at) VALUES (gen_random_uuid(), 'shop-1', 'till-b', 1, 'note-added', '{}', now())");
        await using var till = new NpgsqlConnection(db.CreateTillLogin("till-a"));
        await till.OpenAsync();

        await using (var insert = new NpgsqlCommand("INSERT INTO events (event_id, shop_id, till_id, seq, kind, payload, occurred_at) VALUES (gen_random_uuid(), 'shop-1', 'till-a', 1, 'note-added', '{}', now())", till))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        await using (var select = new NpgsqlCommand("SELECT count(*) FROM events", till))
        {
            Assert.Equal(2L, await select.ExecuteScalarAsync());
        }

        foreach (var sql in new[] { "UPDATE events SET payload = '{\"x\":1}' WHERE till_id = 'till-b'", "DELETE FROM events WHERE till_id = 'till-b'", "DELETE FROM events WHERE till_id = 'till-a'", "TRUNCATE events", "DELETE FROM schema_migrations" })
        {
            await using var cmd = new NpgsqlCommand(sql, till);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(2, db.Scalar("SELECT count(*) FROM events"));
    }
}
