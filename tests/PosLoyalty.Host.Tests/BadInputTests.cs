namespace PosLoyalty.Host.Tests;

/// <summary>
/// Every command, given bad input: a non-zero exit, a clear line on stderr that names what is
/// wrong, and the database exactly as it was.
/// </summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.SeededDatabase>
{
    private readonly SeededDatabase seeded;

    public BadInputTests(SeededDatabase seeded) => this.seeded = seeded;

    public static TheoryData<string, string[], string> Cases => new()
    {
        { "unknown card", ["sales", "apply", "--card", "999999", "--receipt", "X1", "--total", "5.00"], "no customer has card" },
        { "malformed amount", ["sales", "apply", "--card", "1111", "--receipt", "X2", "--total", "12,50"], "amount '12,50' is not a number" },
        { "letters for an amount", ["sales", "apply", "--card", "1111", "--receipt", "X3", "--total", "ten"], "amount 'ten'" },
        { "too many decimals", ["sales", "apply", "--card", "1111", "--receipt", "X4", "--total", "1.005"], "more decimals" },
        { "negative total", ["sales", "apply", "--card", "1111", "--receipt", "X5", "--total", "-3.00"], "negative" },
        { "unknown currency", ["sales", "apply", "--card", "1111", "--receipt", "X6", "--total", "5.00", "--currency", "XYZ"], "currency 'XYZ' is not an ISO 4217 code" },
        { "another shop's currency", ["sales", "apply", "--card", "1111", "--receipt", "X7", "--total", "5.00", "--currency", "USD"], "not the shop's currency" },
        { "bad date", ["sales", "apply", "--card", "1111", "--receipt", "X8", "--total", "5.00", "--at", "yesterday"], "--at 'yesterday'" },
        { "bad item", ["sales", "apply", "--card", "1111", "--receipt", "X9", "--total", "5.00", "--item", "LATTE|Latte|two|3.20"], "quantity 'two'" },
        { "missing receipt", ["sales", "apply", "--card", "1111", "--total", "5.00"], "--receipt" },
        { "refund of an unknown receipt", ["sales", "refund", "--receipt", "NOPE"], "no sale with receipt 'NOPE'" },
        { "card already enrolled", ["customers", "add", "--card", "1111", "--name", "Someone Else"], "already belongs" },
        { "empty name", ["customers", "add", "--card", "2222", "--name", "  "], "name is required" },
        { "bad birthday", ["customers", "add", "--card", "2223", "--name", "Luca", "--birthday", "13-45"], "--birthday" },
        { "bad email", ["customers", "add", "--card", "2224", "--name", "Luca", "--email", "luca-at-example"], "email 'luca-at-example'" },
        { "bad phone", ["customers", "add", "--card", "2225", "--name", "Luca", "--phone", "call me"], "phone 'call me'" },
        { "bad card characters", ["customers", "add", "--card", "12#4", "--name", "Luca"], "card number '12#4'" },
        { "unknown referrer", ["customers", "add", "--card", "2226", "--name", "Luca", "--referred-by", "555555"], "referring card" },
        { "show unknown", ["customers", "show", "424242"], "no customer has card or id" },
        { "find too short", ["customers", "find", "a"], "at least 2 characters" },
        { "empty note", ["customers", "note", "1111", " "], "note is required" },
        { "edit bad consent", ["customers", "edit", "1111", "--consent-marketing", "maybe"], "--consent-marketing 'maybe'" },
        { "edit clear unknown field", ["customers", "edit", "1111", "--clear", "name"], "cannot clear 'name'" },
        { "export unknown", ["customers", "export", "424242"], "no customer has card or id" },
        { "erase without --yes", ["customers", "erase", "1111"], "--yes" },
        { "merge without --yes", ["customers", "merge", "1111", "1112"], "--yes" },
        { "merge into itself", ["customers", "merge", "1111", "1111", "--yes"], "itself" },
        { "adjust without reason text", ["customers", "adjust", "1111", "--points", "5", "--reason", "x", "--manager-pin", "1234"], "reason of 3 to 200" },
        { "mistyped coupon code", ["coupons", "redeem", "ABCD-EFGH-JKMN-PQ"], "check character" },
        { "coupon code of the wrong length", ["coupons", "redeem", "ABC"], "is not a coupon code" },
        { "show unknown coupon", ["coupons", "show", "0000-0000-0000-00"], "does not exist" },
        { "void without reason", ["coupons", "void", "0000-0000-0000-00"], "--reason" },
        { "coupons of unknown card", ["coupons", "list", "--card", "424242"], "no customer has card" },
        { "short manager pin", ["manager", "set-pin", "--new-pin", "12"], "4 to 12 digits" },
        { "backup over an existing file", ["backup", "loyalty.db"], "already exists" },
        { "restore of a missing file", ["restore", "no-such-backup.db"], "does not exist" },
        { "restore of a file that is not a database", ["restore", "not-a-db.txt"], "not a PosLoyalty backup" },
        { "config file missing", ["customers", "show", "1111", "--config", "missing.json"], "--config 'missing.json'" },
        { "unknown command", ["customers", "frobnicate"], "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_non_zero_with_a_clear_line_and_writes_nothing(string what, string[] args, string expected)
    {
        var before = seeded.Cli.Fingerprint();
        var result = seeded.Cli.Run(args);
        var after = seeded.Cli.Fingerprint();

        Assert.True(result.ExitCode != 0, $"{what}: {result}");
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal); // no stack traces for bad input
        Assert.Equal(before, after);
    }

    [Fact]
    public void An_invalid_rules_file_names_the_key_the_value_and_what_is_allowed()
    {
        var rules = Path.Combine(seeded.Cli.Directory, "bad-rules.json");
        File.WriteAllText(rules, """{ "Currency": "EUR", "StampCards": [ { "Id": "coffee", "Name": "Coffee", "Boxes": 10, "PreStamped": 12, "Reward": { "Description": "Free coffee" } } ] }""");
        var config = Path.Combine(seeded.Cli.Directory, "bad-config.json");
        File.WriteAllText(config, $$"""{ "Loyalty": { "RulesFile": "{{rules}}" } }""");

        var result = seeded.Cli.Run("customers", "show", "1111", "--config", config);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("'StampCards[0].PreStamped' = 12 is not allowed: 0 or more and fewer than Boxes", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_rules_key_is_refused_by_name()
    {
        var rules = Path.Combine(seeded.Cli.Directory, "typo-rules.json");
        File.WriteAllText(rules, """{ "Currency": "EUR", "Pointz": { "PerCurrencyUnit": 2 } }""");
        var config = Path.Combine(seeded.Cli.Directory, "typo-config.json");
        File.WriteAllText(config, $$"""{ "Loyalty": { "RulesFile": "{{rules}}" } }""");

        var result = seeded.Cli.Run("customers", "show", "1111", "--config", config);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Pointz", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>One database with a customer, a sale and a coupon, shared by the bad-input cases (none of which may change it).</summary>
    public sealed class SeededDatabase : IDisposable
    {
        public SeededDatabase()
        {
            Cli.RunJson("customers", "add", "--card", "1111", "--name", "Anna Rossi");
            Cli.RunJson("customers", "add", "--card", "1112", "--name", "Luca Bianchi");
            Cli.RunJson("sales", "apply", "--card", "1111", "--receipt", "R-1", "--total", "5.00");
            File.WriteAllText(Path.Combine(Cli.Directory, "not-a-db.txt"), "this is not a database, just text that is long enough to be read as a header");
        }

        public CliFixture Cli { get; } = new();

        public void Dispose() => Cli.Dispose();
    }
}
