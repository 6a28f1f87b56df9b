using Microsoft.Data.Sqlite;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>quick_check runs after the service is ready (a big file must not hold up the till); a damaged file still stops it.</summary>
public sealed class IntegrityCheckTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Damaged_database_stops_the_service_with_a_storage_error_after_start()
    {
        Assert.Equal(0, cli.Run("customers", "add", "--card", "20000000042", "--name", "Anna Rossi").ExitCode);
        using (var c = new SqliteConnection($"Data Source={cli.DatabasePath};Pooling=False"))
        {
            c.Open();
            using var fill = c.CreateCommand();
            fill.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                INSERT INTO customers (display_name, enrolled_at) SELECT 'Customer ' || i || ' ' || hex(randomblob(40)), '2026-01-01T00:00:00.000Z' FROM n;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            fill.ExecuteNonQuery();
        }

        // Overwrite the middle of the customers table's pages, as a failing SD card might.
        using (var file = new FileStream(cli.DatabasePath, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = file.Length / 2;
            file.Write(Enumerable.Repeat((byte)0xA5, 4096).ToArray());
        }

        var config = Path.Combine(cli.Directory, "empty.json");
        File.WriteAllText(config, $$"""{ "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" } }""");
        var result = PosLoyaltyProcess.Run(cli.Directory, "run", "--headless", "--config", config, "--db", cli.DatabasePath);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("quick_check failed", result.Stderr, StringComparison.Ordinal);
    }
}
