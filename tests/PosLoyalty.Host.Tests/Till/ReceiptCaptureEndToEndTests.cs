using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>
/// `receipts capture` through the real executables: `posloyalty run --headless` with the POS on a pseudo-terminal and
/// the receipt printer a TCP listener on 127.0.0.1, and the capture a second process on the panel socket.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReceiptCaptureEndToEndTests : IDisposable
{
    private const string Card = "4111 1111 1111 1111";
    private const string MaskedCard = "**** **** **** 1111";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang

    private readonly TillRig till = new(TillDevices.Pos | TillDevices.Printer);
    private readonly string capture;

    public ReceiptCaptureEndToEndTests()
    {
        capture = Path.Combine(till.Cli.Directory, "pos.bin");
        till.WriteConfig(till: """ "Id": "till-1" """, receiptTap: """ "CodePage": 858 """, printerKeys: string.Empty);
    }

    public void Dispose() => till.Dispose();

    [Fact]
    public void Capture_of_two_records_exactly_the_next_two_receipts_with_the_card_masked_and_the_printer_gets_every_byte()
    {
        var first = Receipt("7001", "4,20", null);
        var second = Receipt("7002", "12,80", Card);
        var third = Receipt("7003", "3,10", null);
        using var service = till.Start("Panel socket listening");
        using var capturing = new CaptureProcess(till.Cli, till.Config, "--count", "2", capture);
        capturing.WaitForStderr("capturing 2 receipt(s)", Patience);

        till.Pos.Write(first);
        till.Pos.Write(second);
        till.Pos.Write(third);

        var result = capturing.WaitForExit(Patience);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("receipt 2 of 2", result.Stderr, StringComparison.Ordinal);
        var all = first.Concat(second).Concat(third).ToArray();
        Assert.Equal(all, till.Printer.WaitForBytes(all.Length, Patience));

        var bytes = File.ReadAllBytes(capture);
        Assert.Equal(first.Concat(Masked(second)).ToArray(), bytes);
        Assert.DoesNotContain(Card, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(capture));

        var decoded = till.Cli.RunJson("receipts", "decode", capture, "--code-page", "858").Json().EnumerateArray().ToList();
        Assert.Equal(["7001", "7002"], decoded.Select(r => r.GetProperty("receiptNumber").GetString()));
        Assert.Contains(MaskedCard, decoded[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Card, service.Log, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(till.Cli.Directory, "*.tmp")); // written whole: no temporary file left
    }

    [Fact]
    public void Ctrl_C_stops_the_capture_and_keeps_the_receipts_that_came()
    {
        var first = Receipt("7101", "5,60", null);
        using var service = till.Start("Panel socket listening");
        using var capturing = new CaptureProcess(till.Cli, till.Config, "--count", "3", capture);
        capturing.WaitForStderr("capturing 3 receipt(s)", Patience);

        till.Pos.Write(first);
        capturing.WaitForStderr("receipt 1 of 3", Patience);
        capturing.Interrupt();

        var result = capturing.WaitForExit(Patience);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("holds the 1 of 3 receipt(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(capture));
    }

    [Fact]
    public void Capture_refuses_to_replace_a_file_and_says_when_no_service_is_running()
    {
        File.WriteAllText(capture, "kept");

        var exists = till.Cli.Run("receipts", "capture", "--count", "1", capture, "--config", till.Config);
        var noService = till.Cli.Run("receipts", "capture", "--count", "1", capture, "--force", "--config", till.Config);
        var badCount = till.Cli.Run("receipts", "capture", "--count", "0", Path.Combine(till.Cli.Directory, "other.bin"), "--config", till.Config);
        var badTimeout = till.Cli.Run("receipts", "capture", "--count", "1", Path.Combine(till.Cli.Directory, "other.bin"), "--timeout", "soon", "--config", till.Config);

        Assert.True(exists.ExitCode == 1, exists.ToString());
        Assert.Contains("--force", exists.Stderr, StringComparison.Ordinal);
        Assert.True(noService.ExitCode == 3, noService.ToString());
        Assert.Contains("no service is running", noService.Stderr, StringComparison.Ordinal);
        Assert.True(badCount.ExitCode == 1, badCount.ToString());
        Assert.True(badTimeout.ExitCode == 1, badTimeout.ToString());
        Assert.Equal("kept", File.ReadAllText(capture));
        Assert.False(File.Exists(Path.Combine(till.Cli.Directory, "other.bin")));
    }

    private static byte[] Masked(byte[] receipt) =>
        Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(receipt).Replace(Card, MaskedCard, StringComparison.Ordinal));

    private static byte[] Receipt(string number, string total, string? card)
    {
        var encoder = new EscPosEncoder()
            .Initialize().CodePage(EscPosCodePage.Pc858)
            .Align(TextAlignment.Center).Bold(true).Line("Kaffeehaus Sonne").Bold(false)
            .Align(TextAlignment.Left)
            .Line($"Bon-Nr. {number}           Kasse 1")
            .Line("14.03.2026              10:42")
            .Line("--------------------------------")
            .Line($"Cappuccino              {total}")
            .Line("--------------------------------")
            .Bold(true).Line($"SUMME EUR               {total}").Bold(false);
        encoder = card is null ? encoder.Line($"Bar                     {total}") : encoder.Line($"Karte                   {total}").Line("VISA " + card);
        return encoder.Line("Vielen Dank!").FeedAndCut().ToArray();
    }

    /// <summary>`posloyalty receipts capture …` running, its stderr collected line by line.</summary>
    private sealed class CaptureProcess : IDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> stderr = new();
        private readonly StringBuilder stdout = new();

        public CaptureProcess(CliFixture cli, string config, params string[] args)
        {
            // Through env --default-signal=INT, as an interactive shell starts a command: when the tests themselves
            // run in a background job, SIGINT is ignored and that is inherited, and .NET keeps an ignored SIGINT
            // ignored, so Ctrl-C would never reach the capture.
            process = PosLoyaltyProcess.Start(
                cli.Directory,
                ["env", "--default-signal=INT"],
                null,
                ["receipts", "capture", .. args, "--config", config, "--db", cli.DatabasePath]);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    stderr.Enqueue(e.Data);
                }
            };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (stdout)
                    {
                        stdout.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public void WaitForStderr(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!stderr.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"receipts capture did not say '{text}':\n{string.Join('\n', stderr)}");
                }

                Thread.Sleep(10);
            }
        }

        /// <summary>SIGINT, as Ctrl-C on a terminal sends it.</summary>
        public void Interrupt()
        {
            ProcessSignal.Send(process.Id, ProcessSignal.Interrupt);
        }

        public CliResult WaitForExit(TimeSpan timeout)
        {
            if (!process.WaitForExit(timeout))
            {
                throw new TimeoutException($"receipts capture did not finish:\n{string.Join('\n', stderr)}");
            }

            process.WaitForExit(); // the output readers are done
            lock (stdout)
            {
                return new CliResult(process.ExitCode, stdout.ToString(), string.Join('\n', stderr));
            }
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
