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

    [PostgresClusterFact]
    public async Task A_till_login_may_claim_a_card_record_a_conflict_or_redeem_a_coupon_only_as_its_own_till()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        db.Execute("INSERT INTO cards (card, customer, event_id, shop_id, till_id) VALUES ('HELD0001', gen_random_uuid(), gen_random_uuid(), 'shop-1', 'till-b')");
        await using var tillA = new NpgsqlConnection(db.CreateTillLogin("till-a"));
        await tillA.OpenAsync();
        string[] inserts =
        [
            "INSERT INTO cards (card, customer, event_id, shop_id, till_id) VALUES ('CARD' || $3, gen_random_uuid(), gen_random_uuid(), $1, $2)",
            "INSERT INTO card_conflicts (claimant_event, card, holder, claimant, shop_id, till_id) VALUES (gen_random_uuid(), 'HELD0001', gen_random_uuid(), gen_random_uuid(), $1, $2)",
            "INSERT INTO coupon_redemptions (code, shop_id, till_id, redeemed_at) VALUES ('CODE' || $3, $1, $2, now()) ON CONFLICT (code) DO NOTHING",
        ];

        var n = 0;
        foreach (var sql in inserts)
        {
            foreach (var (shop, till) in new[] { ("shop-1", "till-b"), ("shop-2", "till-a") })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(tillA, sql, shop, till, ++n));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
                Assert.Contains("row-level security", refused.MessageText, StringComparison.Ordinal);
            }

            Assert.Equal(1, await ExecuteAsync(tillA, sql, "shop-1", "till-a", ++n)); // as itself
        }

        Assert.Equal(0, db.Scalar("SELECT (SELECT count(*) FROM cards WHERE till_id <> 'till-b' AND (shop_id, till_id) <> ('shop-1', 'till-a')) + (SELECT count(*) FROM card_conflicts WHERE (shop_id, till_id) <> ('shop-1', 'till-a')) + (SELECT count(*) FROM coupon_redemptions WHERE (shop_id, till_id) <> ('shop-1', 'till-a'))"));
        await using var read = new NpgsqlCommand("SELECT count(*) FROM cards WHERE till_id = 'till-b'", tillA);
        Assert.Equal(1L, await read.ExecuteScalarAsync()); // reading another till's claim stays open
    }

    [PostgresClusterFact]
    public async Task The_push_still_claims_cards_records_conflicts_and_claims_offline_redemptions_as_its_till()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        using var a = new TestTill("till-a", db.CreateTillLogin("till-a"));
        using var b = new TestTill("till-b", db.CreateTillLogin("till-b"));
        a.Enrol("Ada", "CARD0001");
        b.Enrol("Bo", "CARD0001");
        var code = Assert.Single(a.Sell("CARD0001", 20m, new Domain.Sales.SaleItem(null, "Coffee", 8, new Domain.Values.Money(20m, TestTill.Rules.ShopCurrency))).CouponsIssued).Code;
        new Storage.Coupons.CouponRepository(a.Database, a.Clock).Redeem(code); // redeemed at the till alone: claimed by the push

        await a.SyncAsync();
        await b.SyncAsync();

        Assert.Equal(1, db.Scalar("SELECT count(*) FROM cards WHERE card = 'CARD0001' AND shop_id = 'shop-1' AND till_id = 'till-a'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM card_conflicts WHERE card = 'CARD0001' AND shop_id = 'shop-1' AND till_id = 'till-b'"));
        Assert.Equal(1, db.Scalar($"SELECT count(*) FROM coupon_redemptions WHERE code = '{code.Value}' AND shop_id = 'shop-1' AND till_id = 'till-a'"));
        Assert.Equal(0, a.Outbox.ReadState().OutboxDepth);
        Assert.Equal(0, b.Outbox.ReadState().OutboxDepth);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, string shop, string till, int n)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = shop }, new() { Value = till }, new() { Value = n.ToString(System.Globalization.CultureInfo.InvariantCulture) } } };
        return await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<int> InsertAsync(NpgsqlConnection connection, string shop, string till, long seq)
    {
        await using var cmd = new NpgsqlCommand(InsertAs, connection) { Parameters = { new() { Value = shop }, new() { Value = till }, new() { Value = seq } } };
        return await cmd.ExecuteNonQueryAsync();
    }
}
