using System.Diagnostics;
using System.Globalization;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Crash;

/// <summary>
/// A storm of `posloyalty sales apply` processes, most of them killed with SIGKILL at a random moment of their
/// life (start-up, opening the file, inside the sale's transaction, committing, printing). A sale counts as
/// acknowledged only when its process exited 0. Killed receipts are retried later, as a till script would.
/// At checkpoints and at the end: every acknowledged sale is there once and whole, balances are the ledger's
/// sums, integrity_check is ok.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CliKillStormTests(ITestOutputHelper output) : IDisposable
{
    private const string Till = "till-1";
    private const int Workers = 2;
    private static readonly string[] Cards = ["20000000042", "20000000059", "20000000067", "20000000075", "20000000083"];

    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Kill_minus_9_at_random_moments_loses_no_acknowledged_sale_and_doubles_none()
    {
        // With the 25 of PosEventsKillStormTests, 200 kill -9 cycles in the normal run.
        var targetKills = Soak.Scale(175);
        cli.Enrol(Cards.Select((card, i) => (card, "Storm Customer " + i.ToString(CultureInfo.InvariantCulture))));
        var storm = new StormLedger();
        var stopwatch = Stopwatch.StartNew();

        // How long an undisturbed `sales apply` lives here and now: kills are spread over that span.
        var lifetimes = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.StartNew();
            var receipt = $"W-{i}";
            storm.Sending(receipt, ItemsOf(receipt));
            cli.MustRun(SaleArgs(receipt, ItemsOf(receipt) - 1));
            storm.Acknowledge(receipt);
            lifetimes.Add(started.Elapsed.TotalMilliseconds);
        }

        var lifetime = lifetimes.Order().ElementAt(2);
        var kills = 0;
        var killsOnFile = 0;
        var launches = 0;
        var completedBeforeKill = 0;
        var duplicatesAnswered = 0;
        var next = 0;
        var retry = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var checkpoints = 0;
        var gate = new Lock();

        void Worker(int seed)
        {
            var random = new Random(seed);
            while (Volatile.Read(ref kills) < targetKills)
            {
                // A killed receipt is sent again later; sometimes an acknowledged one is replayed.
                string receipt;
                if (random.Next(3) == 0 && retry.TryDequeue(out var again))
                {
                    receipt = again;
                }
                else
                {
                    receipt = "C-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
                    storm.Sending(receipt, ItemsOf(receipt));
                }

                Interlocked.Increment(ref launches);
                using var process = PosLoyaltyProcess.Start(cli.Directory, [.. SaleArgs(receipt, ItemsOf(receipt) - 1), "--db", cli.DatabasePath]);
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();

                // One in eight runs to completion, one in eight dies at any moment of its life, and the rest die
                // within the span it works on the file (opening, the sale's transaction, the commit, the exit).
                var mode = random.Next(8);
                var killAt = mode switch
                {
                    0 => PosLoyaltyProcess.Timeout,
                    1 => TimeSpan.FromMilliseconds(lifetime * random.NextDouble()),
                    _ => UntilOpen(process, random, lifetime),
                };
                if (process.WaitForExit(killAt))
                {
                    process.WaitForExit();
                    Assert.True(process.ExitCode == 0, $"sales apply {receipt} exited {process.ExitCode}: {stderr.Result}");
                    if (storm.IsAcknowledged(receipt))
                    {
                        Assert.Contains("already applied", stdout.Result, StringComparison.Ordinal);
                        Interlocked.Increment(ref duplicatesAnswered);
                    }

                    storm.Acknowledge(receipt);
                    Interlocked.Increment(ref completedBeforeKill);
                    if (random.Next(8) == 0)
                    {
                        retry.Enqueue(receipt);
                    }

                    continue;
                }

                if (ProcessFiles.HasOpen(process.Id, cli.DatabasePath))
                {
                    Interlocked.Increment(ref killsOnFile);
                }

                process.Kill();
                process.WaitForExit();
                retry.Enqueue(receipt);
                var k = Interlocked.Increment(ref kills);
                if (k % 25 == 0)
                {
                    // A checkpoint while the other workers go on: the file must be sound at every moment.
                    lock (gate)
                    {
                        DatabaseInvariants.AssertHold(cli.DatabasePath);
                        storm.AssertAgrees(cli.DatabasePath, Till);
                        checkpoints++;
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Factory.StartNew(() => Worker(1000 + w), TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        // The end: every receipt left unacknowledged is retried until it is, as the till would.
        while (retry.TryDequeue(out var pending))
        {
            cli.MustRun(SaleArgs(pending, ItemsOf(pending) - 1));
            storm.Acknowledge(pending);
        }

        DatabaseInvariants.AssertHold(cli.DatabasePath);
        var (lost, duplicated, partial, present) = storm.AssertAgrees(cli.DatabasePath, Till);
        Assert.Equal(storm.Sent, present);
        Assert.Equal(0, cli.Run("doctor", "--json").ExitCode);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"FIGURES cli-crash: launches={launches} kills={kills} kills-with-db-open={killsOnFile} completed={completedBeforeKill} replays-answered-duplicate={duplicatesAnswered} receipts={storm.Sent} acknowledged={storm.Acknowledged} lost={lost} duplicated={duplicated} partial={partial} checkpoints={checkpoints} lifetime-ms={lifetime:F0} duration-s={stopwatch.Elapsed.TotalSeconds:F1}"));
    }

    /// <summary>Waits until the process has the database open, then returns a random delay within its time on the file.</summary>
    private TimeSpan UntilOpen(Process process, Random random, double lifetime)
    {
        var deadline = DateTime.UtcNow + PosLoyaltyProcess.Timeout;
        while (!process.HasExited && !ProcessFiles.HasOpen(process.Id, cli.DatabasePath) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(1);
        }

        return TimeSpan.FromMilliseconds(random.NextDouble() * lifetime * 0.2);
    }

    private static int NumberOf(string receipt) => int.Parse(receipt.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);

    private static int ItemsOf(string receipt) => 1 + (NumberOf(receipt) % 3);

    private static string[] SaleArgs(string receipt, int extraItems)
    {
        var card = Cards[NumberOf(receipt) % Cards.Length];
        var total = (4.50m + (4.00m * extraItems)).ToString("F2", CultureInfo.InvariantCulture);
        var args = new List<string> { "sales", "apply", "--card", card, "--receipt", receipt, "--total", total, "--till", Till, "--at", "2026-03-10T10:00:00+01:00", "--item", "LAT|Latte|1|4.50" };
        for (var i = 0; i < extraItems; i++)
        {
            args.AddRange(["--item", $"CRO{i}|Croissant|1|4.00"]);
        }

        return [.. args];
    }
}
