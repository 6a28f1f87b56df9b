using System.Security.Cryptography;
using Npgsql;

namespace PosLoyalty.Chain.Tests;

/// <summary>A fresh database on the test cluster, migrated, with login roles for tills made as a shop would (docs/chain.md).</summary>
internal sealed class ChainDatabase(string adminConnectionString)
{
    public string AdminConnectionString { get; } = adminConnectionString;

    public static async Task<ChainDatabase> CreateMigratedAsync(PostgresCluster cluster)
    {
        var db = new ChainDatabase(cluster.CreateDatabase());
        await using var ds = ChainConnection.Open(db.AdminConnectionString);
        await ChainSchema.MigrateAsync(ds, ChainSchema.DefaultTillRole, CancellationToken.None);
        return db;
    }

    /// <summary>A login in the till role, with a random password, that may add events as this till only (till_logins); returns its connection string.</summary>
    public string CreateTillLogin(string tillId, string shopId = "shop-1")
    {
        var login = CreateUnmappedTillLogin();
        Execute($"INSERT INTO till_logins (login, shop_id, till_id) VALUES ('{new NpgsqlConnectionStringBuilder(login).Username}', '{shopId}', '{tillId}')");
        return login;
    }

    /// <summary>A login in the till role that till_logins does not name: it may read, and add nothing.</summary>
    public string CreateUnmappedTillLogin()
    {
        var role = "till_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var password = "pw" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Execute($"CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE {ChainSchema.DefaultTillRole}");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Username = role, Password = password }.ConnectionString;
    }

    public long Scalar(string sql)
    {
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
