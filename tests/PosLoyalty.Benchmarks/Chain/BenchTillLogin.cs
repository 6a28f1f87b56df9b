using Npgsql;
using PosLoyalty.Chain;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>A till's own PostgreSQL login, as `chain add-till` makes one: a role in the till role, and its till_logins row.</summary>
internal static class BenchTillLogin
{
    /// <summary>Creates the login and returns the connection string a till with it would use (pooled, at most 4 connections).</summary>
    public static string Create(string adminConnectionString, string login, string shopId, string tillId)
    {
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        Execute(adminConnectionString, $"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE {ChainSchema.DefaultTillRole}; INSERT INTO till_logins (login, shop_id, till_id) VALUES ('{login}', '{shopId}', '{tillId}')");
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Username = login, Password = password, Pooling = true, MaxPoolSize = 4 }.ConnectionString;
    }

    public static void Execute(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
