using PosLoyalty.Chain;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>A till's own PostgreSQL login, made by the product's own `chain add-till` code (<see cref="ChainTillLogins"/>).</summary>
internal static class BenchTillLogin
{
    /// <summary>Creates the login and returns the connection string a till with it would use (pooled, at most 4 connections).</summary>
    public static string Create(string adminConnectionString, string login, string shopId, string tillId)
    {
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
        using (var admin = ChainConnection.Open(adminConnectionString))
        {
            ChainTillLogins.AddAsync(admin, login, shopId, tillId, password, ChainSchema.DefaultTillRole, CancellationToken.None).GetAwaiter().GetResult();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(adminConnectionString) { Username = login, Password = password, Pooling = true, MaxPoolSize = 4 }.ConnectionString;
    }
}
