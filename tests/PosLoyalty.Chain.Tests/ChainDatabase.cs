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

    /// <summary>A fresh database migrated as a shop does it: `posloyalty chain init` with the owner's login.</summary>
    public static ChainDatabase InitThroughTheExecutable(PostgresCluster cluster)
    {
        var admin = cluster.CreateDatabase();
        using var backOffice = new TillProcess("back-office", admin);
        var init = backOffice.Run("chain", "init");
        Assert.True(init.ExitCode == 0, init.ToString());
        return new ChainDatabase(admin);
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

    /// <summary>
    /// Each secret found in any row of any table of the database (every column as text, a payload as its JSON), as
    /// "'text' in events": the PostgreSQL half of the erasure's proof.
    /// </summary>
    public IReadOnlyList<string> Find(IEnumerable<string> secrets)
    {
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        var tables = new List<string>();
        using (var list = new NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'", c))
        using (var r = list.ExecuteReader())
        {
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t", c);
            var text = (string)rows.ExecuteScalar()!;
            found.AddRange(secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"'{s}' in {table}"));
        }

        return found;
    }

    public void Execute(string sql)
    {
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
