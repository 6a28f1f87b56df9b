using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Abuse;

/// <summary>
/// A customer guessing coupon codes: random 14-character strings over the code alphabet. The Luhn mod 32 check
/// character refuses about 31 in 32 of them, and it does so before any lookup. The proof: on a file whose coupons
/// table is gone, a guessed code is still answered "fails its check character" (exit 1), while a code that passes
/// the check reaches the table and fails there (exit 5) — so the refusal never touched the table.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GuessedCouponCodeTests(ITestOutputHelper output) : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Guessed_codes_are_refused_by_the_check_character_before_any_lookup()
    {
        var random = new Random(1414);
        var guesses = Soak.Scale(100_000);
        var refused = 0;
        for (var i = 0; i < guesses; i++)
        {
            refused += CouponCode.TryParse(Guess(random), out _, out var error) ? 0 : Assert.IsType<string>(error).Contains("check character", StringComparison.Ordinal) ? 1 : 0;
        }

        // Luhn mod 32: one random string in 32 carries a valid check character by chance.
        var share = (double)refused / guesses;
        Assert.InRange(share, 0.95, 0.985);

        cli.Enrol([("20000000042", "Anna Rossi")]);
        var wrong = WrongCheck(random);
        var unknown = CouponCode.NewRandom().ToDisplayString();

        // On the real executable: a guess is refused as mistyped (exit 1); a well-formed unknown code is not found (exit 3).
        var guessed = cli.Run("coupons", "redeem", wrong);
        Assert.Equal(1, guessed.ExitCode);
        Assert.Contains("fails its check character", guessed.Stderr, StringComparison.Ordinal);
        var notFound = cli.Run("coupons", "redeem", unknown);
        Assert.Equal(3, notFound.ExitCode);
        Assert.Contains("does not exist", notFound.Stderr, StringComparison.Ordinal);

        // Before any lookup: take the coupons table away. The guess is refused exactly as before; the valid code now
        // fails on the missing table, showing that it, and only it, reached the lookup.
        using (var c = new SqliteConnection($"Data Source={cli.DatabasePath};Pooling=False"))
        {
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = "DROP TABLE coupons;";
            drop.ExecuteNonQuery();
        }

        var guessedAgain = cli.Run("coupons", "redeem", wrong);
        Assert.Equal(guessed, guessedAgain);
        var lookedUp = cli.Run("coupons", "redeem", unknown);
        Assert.Equal(5, lookedUp.ExitCode);
        Assert.Contains("no such table", lookedUp.Stderr, StringComparison.Ordinal);
        foreach (var command in new[] { "show", "void" })
        {
            var r = command == "void" ? cli.Run("coupons", command, wrong, "--reason", "test") : cli.Run("coupons", command, wrong);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("fails its check character", r.Stderr, StringComparison.Ordinal);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIGURES guessed-codes: guesses={guesses} refused-by-check-character={refused} ({share:P2}) passed-check={guesses - refused}"));
    }

    private static string Guess(Random random) =>
        string.Create(CouponCode.Length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CouponCode.Alphabet[r.Next(CouponCode.Alphabet.Length)];
            }
        });

    private static string WrongCheck(Random random)
    {
        while (true)
        {
            var guess = Guess(random);
            if (!CouponCode.TryParse(guess, out _, out _))
            {
                return guess;
            }
        }
    }
}
