using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Chain.Tests;

/// <summary>
/// A server that answers but will not take this till's writes is named as such — by `doctor` and `chain status`
/// (<see cref="ChainStore.CheckAsync"/>) and to the cashier redeeming a coupon — not taken for one that is away.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainLoginCheckTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public async Task A_till_with_its_own_login_and_the_owner_both_pass_the_check()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        await using var till = ChainConnection.Open(db.CreateTillLogin("till-a"));
        await using var owner = ChainConnection.Open(db.AdminConnectionString);

        Assert.Equal(ChainSchema.CurrentVersion, await new ChainStore(till, "shop-1", "till-a").CheckAsync(CancellationToken.None));
        Assert.Equal(ChainSchema.CurrentVersion, await new ChainStore(owner, "shop-1", "till-a").CheckAsync(CancellationToken.None));
    }

    [PostgresClusterFact]
    public async Task A_login_no_till_logins_row_names_is_told_the_add_till_command_for_it()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        var connectionString = db.CreateUnmappedTillLogin();
        var login = new NpgsqlConnectionStringBuilder(connectionString).Username;
        await using var ds = ChainConnection.Open(connectionString);

        var refused = await Assert.ThrowsAsync<ChainException>(() => new ChainStore(ds, "shop-1", "till-a").CheckAsync(CancellationToken.None));

        Assert.Contains($"login {login} is no till's", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"posloyalty chain add-till --login {login} --shop shop-1 --till till-a", refused.Message, StringComparison.Ordinal);
    }

    [PostgresClusterFact]
    public async Task Another_tills_login_is_named_with_the_till_it_belongs_to()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        await using var ds = ChainConnection.Open(db.CreateTillLogin("till-a"));

        var refused = await Assert.ThrowsAsync<ChainException>(() => new ChainStore(ds, "shop-1", "till-b").CheckAsync(CancellationToken.None));

        Assert.Contains("is till 'till-a' of shop 'shop-1', not this till ('till-b' of shop 'shop-1')", refused.Message, StringComparison.Ordinal);
    }

    [PostgresClusterFact]
    public async Task A_database_without_the_schema_is_told_to_run_chain_init()
    {
        await using var ds = ChainConnection.Open(cluster.CreateDatabase());

        var refused = await Assert.ThrowsAsync<ChainException>(() => new ChainStore(ds, "shop-1", "till-a").CheckAsync(CancellationToken.None));

        Assert.Contains("posloyalty chain init", refused.Message, StringComparison.Ordinal);
    }

    [PostgresClusterFact]
    public async Task A_redemption_refused_by_the_servers_policy_is_Refused_not_Unreachable()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        await using var ds = ChainConnection.Open(db.CreateUnmappedTillLogin());
        var coupons = new ChainCoupons(new ChainStore(ds, "shop-1", "till-a"), new ChainOptions { RedemptionWait = TimeSpan.FromMinutes(1) }, NullLogger<ChainCoupons>.Instance);

        var claim = coupons.Claim(CouponCode.NewRandom(), DateTimeOffset.UtcNow);

        Assert.Equal(ChainClaim.Refused, claim);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM coupon_redemptions"));
    }

    [PostgresClusterFact]
    public async Task A_wrong_password_is_Refused_and_a_closed_port_Unreachable()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        var wrongPassword = new NpgsqlConnectionStringBuilder(db.CreateTillLogin("till-a")) { Password = "not-the-password" }.ConnectionString;
        var closedPort = new NpgsqlConnectionStringBuilder(db.CreateTillLogin("till-b")) { Port = ClosedPort() }.ConnectionString;
        await using var refusedDs = ChainConnection.Open(wrongPassword);
        await using var awayDs = ChainConnection.Open(closedPort);
        var options = new ChainOptions { RedemptionWait = TimeSpan.FromMinutes(1) };

        Assert.Equal(ChainClaim.Refused, new ChainCoupons(new ChainStore(refusedDs, "shop-1", "till-a"), options, NullLogger<ChainCoupons>.Instance).Claim(CouponCode.NewRandom(), DateTimeOffset.UtcNow));
        Assert.Equal(ChainClaim.Unreachable, new ChainCoupons(new ChainStore(awayDs, "shop-1", "till-b"), options, NullLogger<ChainCoupons>.Instance).Claim(CouponCode.NewRandom(), DateTimeOffset.UtcNow));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }
}
