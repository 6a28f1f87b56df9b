using Microsoft.Data.Sqlite;

namespace PosLoyalty.Host.Tests;

/// <summary>`import customers FILE.csv` through the real executable.</summary>
public sealed class ImportCommandsTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_bad_row_is_reported_with_its_line_and_column_and_nothing_is_imported()
    {
        cli.RunJson("customers", "add", "--card", "1111", "--name", "Already Here");
        var file = Write(
            "name,card,birthday,phone,email,consent,points,notes",
            "Anna Smit,2001,03-14,+31 6 1234 5678,anna@example.org,yes,120,likes oat milk",
            "Ben Bos,2002,13-40,,,no,0,",
            "Chloé Vos,2001,,,,,,",
            "Daan Jansen,1111,,,,maybe,,");
        var before = Customers();

        var result = cli.Run("import", "customers", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3, column birthday", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4, column card", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5, column card", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5, column consent", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Customers());
    }

    [Fact]
    public void A_good_file_imports_every_row_with_opening_points_in_the_ledger_and_a_dry_run_writes_nothing()
    {
        var file = Write(
            "Name,Card,Birthday,Phone,Email,Consent,Points,Notes",
            "Anna Smit,2001,03-14,+31 6 1234 5678,anna@example.org,yes,120,\"likes oat milk, no sugar\"",
            "Ben Bos,2002,,,,0,,");
        cli.RunJson("report", "liability"); // creates the database, so there is a file to fingerprint
        var fingerprint = cli.Fingerprint();

        var dry = cli.RunJson("import", "customers", file, "--dry-run").Json();
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, dry.GetProperty("rows").GetInt32());
        Assert.Equal(0, dry.GetProperty("imported").GetInt32());
        Assert.Equal(fingerprint, cli.Fingerprint());

        var done = cli.RunJson("import", "customers", file).Json();
        Assert.Equal(2, done.GetProperty("imported").GetInt32());
        Assert.Equal(120, done.GetProperty("openingPoints").GetInt64());
        var anna = cli.RunJson("customers", "show", "2001").Json();
        Assert.Equal(120, anna.GetProperty("pointsBalance").GetInt64());
        Assert.True(anna.GetProperty("marketingConsent").GetProperty("given").GetBoolean());
        Assert.Equal("likes oat milk, no sugar", anna.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM customers c WHERE points_balance <> (SELECT COALESCE(SUM(delta), 0) FROM ledger l WHERE l.customer_id = c.id)"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM ledger WHERE reason = 'opening' AND delta = 120"));
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(cli.Directory, "import.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private long Customers() => File.Exists(cli.DatabasePath) ? Scalar("SELECT COUNT(*) FROM customers") : 0;

    private long Scalar(string sql)
    {
        using var c = new SqliteConnection($"Data Source={cli.DatabasePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }
}
