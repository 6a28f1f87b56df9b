using System.Text;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Reliability.Infrastructure;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Import;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Fuzz;

/// <summary>
/// Mutated customer CSV files through the importer in-process (CsvHelper parsing, row validation, the card check
/// against the database) as dry runs on a temporary database: every bad row is reported, nothing throws but the
/// documented validation errors, and the file is untouched.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CsvImportFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly byte[] Interesting = ",\"\n\r;\t\0-+e0123456789"u8.ToArray().Concat(new byte[] { 0xEF, 0xBB, 0xBF, 0xFF, 0xC3 }).ToArray();
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Mutated_customer_files_never_throw_hang_or_write()
    {
        cli.Enrol([("20000000042", "Anna Rossi")]);
        var database = LoyaltyDatabase.Open(cli.DatabasePath, createIfMissing: false);
        var rules = LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kiosk-config", "loyalty.json")), "loyalty.json");
        var importer = new CustomerImporter(database, rules, TimeProvider.System);
        var before = cli.Fingerprint();
        var corpus = new[]
        {
            "name,card,birthday,phone,email,consent,points,notes\nAnna Rossi,20000000059,03-14,+39 333 1234567,anna@example.test,yes,120,\"likes oat milk, \"\"extra hot\"\"\"\nBen,20000000067,,,,no,0,\n",
            "Card;Name\n20000000075;Chloé\n",
            "name,card\n\"Multi\nLine\",20000000083\nDup,20000000083\nBad,123\n",
            "NAME,CARD,POINTS\nX,20000000091,99999999999\n",
        }.Select(Encoding.UTF8.GetBytes).ToList();
        var mutator = new Mutator(corpus, 5150, Interesting);
        long rowsChecked = 0;
        long rowErrors = 0;
        long refusedFiles = 0;

        var result = FuzzRun.Run("csv-import", Soak.Scale(1_000_000L), () => mutator.Next(16_384), input =>
        {
            using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            try
            {
                var outcome = importer.Import(reader, dryRun: true);
                rowsChecked += outcome.Rows;
                rowErrors += outcome.Errors.Count;
                Assert.Equal(0, outcome.Imported);
            }
            catch (DomainValidationException)
            {
                // A file-level problem (no header, no card column) is a documented, clear refusal.
                refusedFiles++;
            }
        });

        Assert.Equal(before, cli.Fingerprint());
        Assert.True(rowErrors > 0, "mutations produce bad rows");
        output.WriteLine(FuzzRun.Figures("csv-import", result) + $" rows-checked={rowsChecked} row-errors={rowErrors} files-refused={refusedFiles}");
    }
}
