using System.Globalization;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Clock;

/// <summary>
/// The till PC's clock jumps (a dead RTC battery, NTP fixing a year-old time) between runs of the real executable,
/// under libfaketime: a day back, a year forward, then back to now. Replayed receipts stay no-ops, the birthday bonus
/// is granted once per birthday year (not again when the clock comes back), an expired coupon stays expired, and the
/// ledger still sums to the balance.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClockJumpTests(ITestOutputHelper output) : IDisposable
{
    private const string Card = "20000000042";
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [FaketimeFact]
    public void Clock_a_day_back_and_a_year_forward_breaks_no_idempotency_expiry_or_once_a_year_rule()
    {
        var today = DateTime.Now;
        Assert.Equal(0, At("+0d", "customers", "add", "--card", Card, "--name", "Anna Rossi", "--birthday", today.ToString("MM-dd", CultureInfo.InvariantCulture)).ExitCode);

        // Today (her birthday): the bonus and its coupon; 600.00 also converts 500 points into a coupon.
        Assert.Equal(0, At("+0d", Sale("R-1", "600.00")).ExitCode);
        Assert.Equal(1, Birthdays());
        var fingerprint = cli.Fingerprint();

        // A day back: the replay is a no-op; the new sale is not her birthday.
        var replay = At("-1d", Sale("R-1", "600.00"));
        Assert.Contains("already applied", replay.Stdout, StringComparison.Ordinal);
        Assert.Equal(fingerprint, cli.Fingerprint());
        Assert.Equal(0, At("-1d", Sale("R-2", "3.00")).ExitCode);
        Assert.Equal(1, Birthdays());

        // Back to today: her birthday again, but the bonus was had this year.
        Assert.Equal(0, At("+0d", Sale("R-3", "3.00")).ExitCode);
        Assert.Equal(1, Birthdays());

        // A year forward: replays still no-ops; the coupons (90 days) have expired; next year's birthday earns once.
        var expiredCode = cli.Scalar("SELECT COUNT(*) FROM coupons") > 0 ? Code() : throw new InvalidOperationException("coupons were issued");
        fingerprint = cli.Fingerprint();
        foreach (var receipt in new[] { "R-1", "R-2", "R-3" })
        {
            Assert.Contains("already applied", At("+365d", Sale(receipt, receipt == "R-1" ? "600.00" : "3.00")).Stdout, StringComparison.Ordinal);
        }

        Assert.Equal(fingerprint, cli.Fingerprint());
        var expired = At("+365d", "coupons", "redeem", expiredCode);
        Assert.Equal(1, expired.ExitCode);
        Assert.Contains("expired", expired.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, At("+365d", Sale("R-4", "3.00")).ExitCode);
        Assert.Equal(0, At("+365d", Sale("R-5", "3.00")).ExitCode);
        var birthdaysAfterYear = Birthdays();
        Assert.InRange(birthdaysAfterYear, 1, 2);

        // And back to now (NTP corrects the clock): no replay counts, no birthday bonus a second time.
        fingerprint = cli.Fingerprint();
        Assert.Contains("already applied", At("+0d", Sale("R-4", "3.00")).Stdout, StringComparison.Ordinal);
        Assert.Equal(fingerprint, cli.Fingerprint());
        Assert.Equal(0, At("+0d", Sale("R-6", "3.00")).ExitCode);
        Assert.Equal(birthdaysAfterYear, Birthdays());
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1'"));
        Assert.True(cli.Scalar("SELECT MIN(points_balance) FROM customers") >= 0, "no negative balance");
        Assert.True(cli.Scalar("SELECT COUNT(*) FROM ledger WHERE reason = 'expiry'") <= 1, "points expire once");
        DatabaseInvariants.AssertHold(cli.DatabasePath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIGURES clock: jumps=4 (-1d, +0, +365d, +0) replays-no-op=5 birthday-bonuses={birthdaysAfterYear} expired-coupon-refused=1 expiry-rows={cli.Scalar("SELECT COUNT(*) FROM ledger WHERE reason = 'expiry'")}"));
    }

    private long Birthdays() => cli.Scalar("SELECT COUNT(*) FROM ledger WHERE reason = 'birthday'");

    private string Code()
    {
        using var c = cli.OpenReadOnly();
        return DatabaseInvariants.Rows(c, "SELECT code FROM coupons ORDER BY issued_at LIMIT 1").Single();
    }

    private static string[] Sale(string receipt, string total) => ["sales", "apply", "--card", Card, "--receipt", receipt, "--total", total];

    /// <summary>Runs the CLI with the wall clock shifted by <paramref name="offset"/> (libfaketime; monotonic time left alone so timers work).</summary>
    private CliResult At(string offset, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["LD_PRELOAD"] = Prerequisites.FaketimeLibrary!,
            ["FAKETIME"] = offset,
            ["DONT_FAKE_MONOTONIC"] = "1",
            ["FAKETIME_DONT_RESET"] = "1",
        };
        var result = cli.RunWrapped([], environment, args);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        return result;
    }
}
