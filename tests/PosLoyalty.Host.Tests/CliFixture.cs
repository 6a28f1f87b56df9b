using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Host.Tests;

/// <summary>A fresh directory and database per test; helpers to run the CLI against it and read the file.</summary>
public sealed class CliFixture : IDisposable
{
    public CliFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "posloyalty-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "loyalty.db");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    internal CliResult Run(params string[] args) => PosLoyaltyProcess.Run(Directory, [.. args, "--db", DatabasePath]);

    internal CliResult RunJson(params string[] args)
    {
        var result = Run([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    internal CliResult RunWrapped(IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        PosLoyaltyProcess.RunWrapped(Directory, wrapper, environment, [.. args, "--db", DatabasePath]);

    internal CliResult MustRun(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"posloyalty {string.Join(' ', args)}: {result}");
        return result;
    }

    /// <summary>Enrols customers through `import customers` (one process for all of them).</summary>
    internal void Enrol(IEnumerable<(string Card, string Name)> customers)
    {
        var csv = Path.Combine(Directory, "enrol-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(csv, ["name,card", .. customers.Select(c => $"{c.Name},{c.Card}")]);
        MustRun("import", "customers", csv);
    }

    public SqliteConnection OpenReadOnly()
    {
        var c = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c;
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var c = OpenReadOnly();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>A hash of every row of every table: equal before and after means nothing was written.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        using (var c = OpenReadOnly())
        {
            var tables = new List<string>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    tables.Add(r.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
                using var r = cmd.ExecuteReader();
                text.Append(table).Append('\n');
                while (r.Read())
                {
                    for (var i = 0; i < r.FieldCount; i++)
                    {
                        text.Append(r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                    }

                    text.Append('\n');
                }
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not a test failure.
        }
    }
}
