using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Reliability.Infrastructure;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Abuse;

/// <summary>
/// One paper coupon scanned at many tills at once: 100 threads, each with its own connection through the Storage
/// API, and 10 `posloyalty coupons redeem` processes, all on the same file, released together. Exactly one wins;
/// every other one is told the coupon was already redeemed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CouponRaceTests(ITestOutputHelper output) : IDisposable
{
    private const string Card = "20000000042";
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Hundred_concurrent_redemptions_of_one_coupon_have_exactly_one_winner()
    {
        cli.Enrol([(Card, "Anna Rossi")]);
        for (var round = 0; round < Soak.Scale(1); round++)
        {
            // 600.00 buys 600 points: the 500-point conversion issues a coupon.
            cli.MustRun("sales", "apply", "--card", Card, "--receipt", "BIG-" + round.ToString(CultureInfo.InvariantCulture), "--total", "600.00");
            var code = CouponCode.Parse(cli.Scalar("SELECT COUNT(*) FROM coupons WHERE redeemed_at IS NULL") == 1 ? Code() : throw new InvalidOperationException("one unredeemed coupon expected"));

            var database = LoyaltyDatabase.Open(cli.DatabasePath, createIfMissing: false);
            var wins = 0;
            var refusals = new ConcurrentBag<string>();
            var failures = new ConcurrentBag<string>();
            using var go = new ManualResetEventSlim();
            var threads = Enumerable.Range(0, 100).Select(_ => new Thread(() =>
            {
                var repository = new CouponRepository(database, TimeProvider.System);
                go.Wait();
                try
                {
                    repository.Redeem(code);
                    Interlocked.Increment(ref wins);
                }
                catch (CouponNotRedeemableException ex)
                {
                    refusals.Add(ex.Message);
                }
                catch (Exception ex)
                {
                    failures.Add(ex.GetType().Name + ": " + ex.Message);
                }
            })).ToList();
            threads.ForEach(t => t.Start());

            var processes = Enumerable.Range(0, 10).Select(_ => PosLoyaltyProcess.Start(cli.Directory, "coupons", "redeem", code.ToDisplayString(), "--db", cli.DatabasePath)).ToList();
            var stopwatch = Stopwatch.StartNew();
            go.Set();
            threads.ForEach(t => Assert.True(t.Join(PosLoyaltyProcess.Timeout), "a redeeming thread finished"));
            var results = new List<CliResult>();
            foreach (var p in processes)
            {
                using (p)
                {
                    var stdout = p.StandardOutput.ReadToEndAsync();
                    var stderr = p.StandardError.ReadToEndAsync();
                    await p.WaitForExitAsync().WaitAsync(PosLoyaltyProcess.Timeout);
                    results.Add(new CliResult(p.ExitCode, await stdout, await stderr));
                }
            }

            var processWins = results.Count(r => r.ExitCode == 0);
            Assert.True(failures.IsEmpty, string.Join('\n', failures));
            Assert.All(results.Where(r => r.ExitCode != 0), r =>
            {
                Assert.Equal(1, r.ExitCode);
                Assert.Contains("already redeemed", r.Stderr, StringComparison.Ordinal);
            });
            Assert.All(refusals, m => Assert.Contains("already redeemed", m, StringComparison.Ordinal));
            Assert.Equal(1, wins + processWins);
            Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM coupons WHERE code = $c AND redeemed_at IS NOT NULL", ("$c", code.Value)));
            DatabaseInvariants.AssertHold(cli.DatabasePath);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIGURES coupon-race: contenders=110 (100 threads, 10 processes) winners={wins + processWins} refused-already-redeemed={refusals.Count + results.Count(r => r.ExitCode == 1)} other-errors={failures.Count} duration-s={stopwatch.Elapsed.TotalSeconds:F1}"));
        }
    }

    private string Code()
    {
        using var c = cli.OpenReadOnly();
        return DatabaseInvariants.Rows(c, "SELECT code FROM coupons WHERE redeemed_at IS NULL").Single();
    }
}
