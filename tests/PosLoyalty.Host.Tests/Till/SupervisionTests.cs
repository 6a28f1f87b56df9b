using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>
/// `posloyalty run --headless` keeps going when devices come and go (issue #6): a scanner replugged behind a
/// udev-style symlink, and a network printer that is not there when a sale completes.
/// </summary>
public sealed class SupervisionTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    // Only catches a hang: on a loaded machine (other test assemblies, kill -9 storms) any step may take seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper output;
    private readonly CliFixture cli = new();
    private readonly PseudoTerminal pos = PseudoTerminal.Open();
    private readonly string scannerLink;
    private readonly string config;
    private readonly int printerPort = FreePort();

    public SupervisionTests(ITestOutputHelper output)
    {
        this.output = output;
        scannerLink = Path.Combine(cli.Directory, "scanner");
        config = Path.Combine(cli.Directory, "till.json");
        File.WriteAllText(config, $$"""
            {
              "Till": { "Id": "till-1" },
              "Scanner": { "Device": "{{scannerLink}}" },
              "ReceiptTap": { "Input": "{{pos.SlavePath}}" },
              "Printer": { "Device": "tcp://127.0.0.1:{{printerPort}}", "CouponPlacement": "BeforeCut" },
              "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" }
            }
            """);
        Assert.Equal(0, cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi").ExitCode);
    }

    public void Dispose()
    {
        pos.Dispose();
        cli.Dispose();
    }

    [Fact]
    public void Replugged_scanner_behind_a_symlink_is_read_again_without_a_restart()
    {
        var first = PseudoTerminal.Open();
        PointLink(first.SlavePath);
        using var service = new RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
        first.WaitUntilRaw(Patience);
        Scan(service, first);

        // Unplug: the old device hangs up; udev re-points the name at the new one.
        first.Dispose();
        using var second = PseudoTerminal.Open();
        var replugged = Stopwatch.StartNew();
        PointLink(second.SlavePath);
        try
        {
            second.WaitUntilRaw(Patience);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + service.Log, ex);
        }

        Scan(service, second);
        replugged.Stop();

        // The figure (issue #6: read again within 2 s) is reported, not asserted: see BENCHMARKS.md.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FIGURES scanner-replug: symlink re-pointed → scan identified in {replugged.Elapsed.TotalMilliseconds:F0} ms"));
        Assert.False(service.HasExited, "the service kept running through the replug:\n" + service.Log);
    }

    [Fact]
    public void Sale_while_the_printer_is_away_is_recorded_at_once_and_receipt_and_coupon_print_once_when_it_returns()
    {
        using var scanner = PseudoTerminal.Open();
        PointLink(scanner.SlavePath);
        using var service = new RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
        scanner.WaitUntilRaw(Patience);
        pos.WaitUntilRaw(Patience);
        var receipt = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", "002-en-US-receiptline-escpos.bin"));

        Scan(service, scanner);
        pos.Write(receipt);
        service.WaitForLog("recorded for customer", Patience);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sales WHERE customer_id IS NOT NULL"));
        var coupons = Scalar("SELECT COUNT(*) FROM coupons");
        Assert.True(coupons > 0, "the sale earned a coupon");
        Assert.Equal(coupons, Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending'"));

        using var printer = new FakeTcpPrinter(printerPort);
        var printed = printer.WaitUntilQuiet(TimeSpan.FromSeconds(1), Patience);
        Assert.Equal(receipt, printed[..receipt.Length]);
        WaitFor(() => Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed' AND print_count = 1") == coupons);

        // Exactly once: each code is on the paper once, and nothing more arrives.
        Thread.Sleep(1500);
        var decoder = new Drivers.EscPos.Decoding.EscPosDecoder();
        var receipts = decoder.Push(printer.Received).ToList();
        if (decoder.Flush() is { } tail)
        {
            receipts.Add(tail);
        }

        var text = string.Join('\n', receipts.SelectMany(r => r.Lines).Select(l => l.Text));
        foreach (var code in Codes())
        {
            var display = $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
            Assert.Equal(1, CountOf(text, display));
        }

        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending'"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            Thread.Sleep(50);
        }
    }

    private void PointLink(string target)
    {
        // As udev does on replug: a new symlink renamed over the old name, atomically.
        var temporary = scannerLink + ".new";
        File.Delete(temporary);
        File.CreateSymbolicLink(temporary, target);
        File.Move(temporary, scannerLink, overwrite: true);
    }

    private void Scan(RunningService service, PseudoTerminal scanner)
    {
        var seen = service.LogLineCount;
        scanner.Write(Encoding.ASCII.GetBytes(AnnaCard + "\r\n"));
        service.WaitForLog("identified at till", Patience, seen);
    }

    private List<string> Codes()
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT code FROM coupons";
        using var r = cmd.ExecuteReader();
        var codes = new List<string>();
        while (r.Read())
        {
            codes.Add(r.GetString(0));
        }

        return codes;
    }

    private long Scalar(string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
