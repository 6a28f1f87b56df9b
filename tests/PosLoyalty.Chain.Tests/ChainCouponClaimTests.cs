using Npgsql;
using PosLoyalty.Domain.Coupons;

namespace PosLoyalty.Chain.Tests;

/// <summary>coupon_redemptions on a real PostgreSQL, as tills' own logins use it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainCouponClaimTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [PostgresClusterFact]
    public async Task The_first_till_wins_a_code_again_and_again_and_every_other_till_is_told_who_holds_it()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        await using var a = ChainConnection.Open(db.CreateTillLogin("till-a"));
        await using var b = ChainConnection.Open(db.CreateTillLogin("till-b"));
        await using var c = ChainConnection.Open(db.CreateTillLogin("till-a", "shop-2"));
        var tillA = new ChainStore(a, "shop-1", "till-a");
        var tillB = new ChainStore(b, "shop-1", "till-b");
        var otherShop = new ChainStore(c, "shop-2", "till-a");
        var code = CouponCode.NewRandom().Value;

        Assert.Equal(ChainClaim.Won, await tillA.ClaimCouponAsync(code, At, CancellationToken.None));
        Assert.Equal(ChainClaim.Won, await tillA.ClaimCouponAsync(code, At, CancellationToken.None)); // a retry after a lost reply
        Assert.Equal(new ChainClaim(ChainClaimResult.TakenElsewhere, "till-a"), await tillB.ClaimCouponAsync(code, At, CancellationToken.None));
        Assert.Equal(new ChainClaim(ChainClaimResult.TakenElsewhere, "till-a of shop shop-1"), await otherShop.ClaimCouponAsync(code, At, CancellationToken.None));
        Assert.Equal(1, db.Scalar($"SELECT count(*) FROM coupon_redemptions WHERE code = '{code}' AND till_id = 'till-a' AND shop_id = 'shop-1'"));
    }

    [PostgresClusterFact]
    public async Task Of_tills_racing_for_one_code_exactly_one_wins()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        var code = CouponCode.NewRandom().Value;
        var sources = Enumerable.Range(0, 8).Select(i => ChainConnection.Open(db.CreateTillLogin($"till-{i}"))).ToList();
        try
        {
            var claims = await Task.WhenAll(sources.Select((ds, i) => Task.Run(() => new ChainStore(ds, "shop-1", $"till-{i}").ClaimCouponAsync(code, At, CancellationToken.None))));

            Assert.Single(claims, c => c.Result == ChainClaimResult.Won);
            var winner = db.Scalar($"SELECT substr(till_id, 6)::bigint FROM coupon_redemptions WHERE code = '{code}'");
            Assert.All(claims.Where((_, i) => i != winner), c => Assert.Equal(new ChainClaim(ChainClaimResult.TakenElsewhere, $"till-{winner}"), c));
        }
        finally
        {
            foreach (var ds in sources)
            {
                await ds.DisposeAsync();
            }
        }
    }

    [PostgresClusterFact]
    public async Task A_till_role_may_not_update_delete_or_truncate_a_redemption()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        await using var ds = ChainConnection.Open(db.CreateTillLogin("till-a"));
        var code = CouponCode.NewRandom().Value;
        Assert.Equal(ChainClaim.Won, await new ChainStore(ds, "shop-1", "till-a").ClaimCouponAsync(code, At, CancellationToken.None));
        await using var till = await ds.OpenConnectionAsync();

        foreach (var sql in new[] { "UPDATE coupon_redemptions SET till_id = 'till-b'", "DELETE FROM coupon_redemptions", "TRUNCATE coupon_redemptions" })
        {
            await using var cmd = new NpgsqlCommand(sql, till);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(1, db.Scalar($"SELECT count(*) FROM coupon_redemptions WHERE code = '{code}' AND till_id = 'till-a'"));
    }
}
