using System.Globalization;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.DiskFaults;

/// <summary>
/// The real `posloyalty sales apply` under <c>strace -f -e inject=…</c>: the disk fills (ENOSPC) or fails to sync
/// (EIO) at the Nth call and every one after. SQLite here writes with pwrite64 and syncs with fsync (found with
/// <c>strace -f -c</c>: about 40 pwrite64 and 5 fsync per sale, no write(2) or fdatasync on the database files),
/// so those are the calls faulted; write(2) is left alone, it carries the error message to stderr. Each faulted
/// command must fail with one clear line and a non-zero exit, leave nothing half-written, and the same command
/// without the fault must then succeed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DiskFaultTests(ITestOutputHelper output) : IDisposable
{
    private const string Card = "20000000042";
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();


    [StraceFact]
    public void Disk_full_on_write_fails_cleanly_and_the_next_command_succeeds() => Run("pwrite64", "ENOSPC", [1, 2, 3, 5, 8, 9, 10, 12, 16, 20, 25, 30, 40]);

    [StraceFact]
    public void Fsync_error_fails_cleanly_and_the_next_command_succeeds() => Run("fsync", "EIO", [1, 2, 3, 4, 5]);

    [StraceFact]
    public void Write_io_error_fails_cleanly_and_the_next_command_succeeds() => Run("pwrite64", "EIO", [1, 4, 9, 11, 17]);

    [StraceFact]
    public void Disk_full_while_the_database_is_created_leaves_no_file_that_breaks_the_next_start()
    {
        var failed = cli.RunWrapped(Strace("pwrite64", "ENOSPC", 1), null, "customers", "add", "--card", Card, "--name", "Anna Rossi");
        Assert.NotEqual(0, failed.ExitCode);
        AssertOneClearLine(failed);

        // Space is back: the same command creates the file and the customer.
        cli.MustRun("customers", "add", "--card", Card, "--name", "Anna Rossi");
        DatabaseInvariants.AssertHold(cli.DatabasePath);
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM customers"));
    }

    private void Run(string syscall, string error, int[] fromCall)
    {
        cli.Enrol([(Card, "Anna Rossi")]);
        var storm = new StormLedger();
        var failures = 0;
        var present = 0;
        var calls = Soak.IsOn ? Enumerable.Range(1, 6 * Soak.Multiplier).ToArray() : fromCall;
        foreach (var n in calls)
        {
            var receipt = $"F-{syscall}-{error}-{n.ToString(CultureInfo.InvariantCulture)}";
            storm.Sending(receipt, 2);
            var before = cli.Scalar("SELECT COUNT(*) FROM ledger");
            var faulted = cli.RunWrapped(Strace(syscall, error, n), null, SaleArgs(receipt));
            if (faulted.ExitCode == 0)
            {
                // The fault came after the last such call: nothing was injected, the sale went through.
                storm.Acknowledge(receipt);
            }
            else
            {
                failures++;
                AssertOneClearLine(faulted);
            }

            // Space is back (no injection): the file is sound, the sale is whole or absent, and the retry works.
            DatabaseInvariants.AssertHold(cli.DatabasePath);
            storm.AssertAgrees(cli.DatabasePath, "till-1");
            var wasThere = cli.Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = $r", ("$r", receipt)) == 1;
            present += wasThere && faulted.ExitCode != 0 ? 1 : 0;
            Assert.True(wasThere || cli.Scalar("SELECT COUNT(*) FROM ledger") == before, "a sale that is absent left no ledger row");
            var retried = cli.MustRun(SaleArgs(receipt));
            storm.Acknowledge(receipt);
            Assert.Equal(wasThere, retried.Stdout.Contains("already applied", StringComparison.Ordinal));
            DatabaseInvariants.AssertHold(cli.DatabasePath);
            storm.AssertAgrees(cli.DatabasePath, "till-1");
        }

        Assert.True(failures > 0, $"injecting {error} into {syscall} made at least one command fail");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIGURES disk-fault {syscall}={error}: runs={calls.Length} failed-cleanly={failures} failed-but-committed={present} lost=0 half-written=0 recovered={storm.Acknowledged}"));
    }

    private static void AssertOneClearLine(CliResult result)
    {
        var lines = result.Stderr.Trim().Split('\n');
        Assert.True(lines.Length == 1, $"one line on stderr: {result}");
        Assert.StartsWith("posloyalty: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", lines[0], StringComparison.Ordinal);
        Assert.True(result.ExitCode == 5, $"exit 5 (storage failure): {result}");
        Assert.Matches("(?i)disk|full|I/O|io error|write|sync", lines[0]);
    }

    private static string[] Strace(string syscall, string error, int fromCall) =>
        [Prerequisites.Strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=" + syscall, "-e", $"inject={syscall}:error={error}:when={fromCall.ToString(CultureInfo.InvariantCulture)}+"];

    private static string[] SaleArgs(string receipt) =>
        ["sales", "apply", "--card", Card, "--receipt", receipt, "--total", "8.50", "--at", "2026-03-10T10:00:00+01:00", "--item", "LAT|Latte|1|4.50", "--item", "CRO|Croissant|1|4.00"];
}
