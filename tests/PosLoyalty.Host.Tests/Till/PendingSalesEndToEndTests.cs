using System.Globalization;
using System.Text.Json;
using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>
/// Issue 12, "ask instead of guessing", through `posloyalty run --headless` as a child process: the scanner and the
/// POS on real pseudo-terminals, the receipt printer a TCP listener on 127.0.0.1, the CLI on the live file.
/// </summary>
public sealed class PendingSalesEndToEndTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CliFixture cli = new();
    private readonly PseudoTerminal scanner = PseudoTerminal.Open();
    private readonly PseudoTerminal pos = PseudoTerminal.Open();
    private readonly FakeTcpPrinter printer = new();
    private readonly string config;

    public PendingSalesEndToEndTests()
    {
        config = Path.Combine(cli.Directory, "till.json");
        WriteConfig(confirmSalesAbove: 200m);
        Assert.Equal(0, cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--greeting", "Mrs Rossi").ExitCode);
    }

    public void Dispose()
    {
        printer.Dispose();
        scanner.Dispose();
        pos.Dispose();
        cli.Dispose();
    }

    // Relies on the extractor reading an X report as ReceiptKind.Report (ReceiptKindClassifier): before it did, the
    // report was credited as a sale of 1,284.50.
    [Fact]
    public void Card_scanned_then_an_X_report_printed_credits_nothing_and_the_printer_gets_every_byte()
    {
        WriteConfig(confirmSalesAbove: null);
        var report = XReport();
        var before = Show();
        using var service = Start();

        Scan(service, AnnaCard);
        pos.Write(report);

        var printed = printer.WaitForBytes(report.Length, Patience);
        service.WaitForLog("is not a sale (report)", Patience);
        Assert.Equal(report, printed);
        var after = Show();
        Assert.Equal(before.GetProperty("pointsBalance").GetInt64(), after.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(0, after.GetProperty("visits").GetInt32());
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(0, cli.Scalar("SELECT COUNT(*) FROM pending_sales"));
        Assert.DoesNotContain("1.284,50", service.Log, StringComparison.Ordinal); // the kind is logged, never the text
    }

    [Fact]
    public void A_sale_above_the_limit_waits_then_confirm_credits_it_once_and_neither_a_second_confirm_nor_a_replay_changes_anything()
    {
        var receipt = BigSale("8001", "250,00");
        using var service = Start();

        Scan(service, AnnaCard);
        pos.Write(receipt);
        printer.WaitForBytes(receipt.Length, Patience);
        var pending = WaitForPending();
        Assert.Equal(0, Show().GetProperty("visits").GetInt32());

        var held = Assert.Single(pending.EnumerateArray());
        Assert.Equal(250m, held.GetProperty("total").GetDecimal());
        Assert.Equal("8001", held.GetProperty("receiptNumber").GetString());
        Assert.Equal("Mrs Rossi", held.GetProperty("customer").GetProperty("name").GetString());
        var id = held.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var confirmed = cli.RunJson("receipts", "confirm", id).Json();
        Assert.True(confirmed.GetProperty("changed").GetBoolean());
        var credited = Show();
        Assert.Equal(1, credited.GetProperty("visits").GetInt32());
        Assert.Equal(confirmed.GetProperty("credited").GetProperty("pointsBalance").GetInt64(), credited.GetProperty("pointsBalance").GetInt64());
        Assert.True(credited.GetProperty("pointsBalance").GetInt64() >= 250);
        WaitUntilNoCouponWaitsForThePrinter();

        var before = cli.Fingerprint();
        Assert.False(cli.RunJson("receipts", "confirm", id).Json().GetProperty("changed").GetBoolean());
        Assert.Equal(before, cli.Fingerprint());

        var printedSoFar = printer.Received.Length;
        var seen = service.LogLineCount;
        pos.Write(receipt);
        var again = printer.WaitForBytes(printedSoFar + receipt.Length, Patience);
        service.WaitForLog("earns nothing", Patience, seen);
        Assert.Equal(receipt, again[printedSoFar..(printedSoFar + receipt.Length)]);
        Assert.Equal(before, cli.Fingerprint());
        Assert.Equal(0, cli.RunJson("receipts", "pending").Json().GetArrayLength());
    }

    [Fact]
    public void Kill_minus_9_between_pending_and_confirm_loses_nothing()
    {
        var receipt = BigSale("8101", "312,40");
        long pendingId;
        using (var service = Start())
        {
            Scan(service, AnnaCard);
            pos.Write(receipt);
            pendingId = Assert.Single(WaitForPending().EnumerateArray()).GetProperty("id").GetInt64();
            service.KillHard();
        }

        using (Start())
        {
            var listed = Assert.Single(cli.RunJson("receipts", "pending").Json().EnumerateArray());
            Assert.Equal(pendingId, listed.GetProperty("id").GetInt64());
            Assert.Equal(312.40m, listed.GetProperty("total").GetDecimal());

            var confirmed = cli.RunJson("receipts", "confirm", pendingId.ToString(CultureInfo.InvariantCulture)).Json();
            Assert.Equal(312, confirmed.GetProperty("credited").GetProperty("pointsEarned").GetInt64());
        }

        Assert.Equal(1, Show().GetProperty("visits").GetInt32());
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-pending'"));
        Assert.Equal(1, cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-confirmed'"));
    }

    // An end-of-shift X report, as German tills print it: a big amount, the word TOTAL, but no sale.
    private static byte[] XReport() => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Pc858)
        .Align(TextAlignment.Center).Bold(true).Size(2, 2).Line("X-REPORT").NormalSize().Bold(false)
        .Line("X-BERICHT (kein Z-BERICHT)")
        .Align(TextAlignment.Left)
        .Line("Kasse 1         14.03.2026 18:05")
        .Line("Schicht 2   Bediener 04")
        .Line("--------------------------------")
        .Line("Anzahl Bons                  42")
        .Line("Umsatz brutto          1.284,50")
        .Line("Umsatz netto           1.079,41")
        .Line("MwSt 19%                 205,09")
        .Line("Bar                      512,00")
        .Line("Karte                    772,50")
        .Line("--------------------------------")
        .Bold(true).Line("TOTAL                  1.284,50").Bold(false)
        .Line("Schichtsumme           1.284,50")
        .FeedAndCut()
        .ToArray();

    private static byte[] BigSale(string number, string total) => new EscPosEncoder()
        .Initialize().CodePage(EscPosCodePage.Pc858)
        .Align(TextAlignment.Center).Bold(true).Line("Kaffeehaus Sonne").Bold(false)
        .Align(TextAlignment.Left)
        .Line($"Bon-Nr. {number}           Kasse 1")
        .Line("14.03.2026              10:42")
        .Line("--------------------------------")
        .Line($"Siebträgermaschine      {total}")
        .Line("--------------------------------")
        .Bold(true).Size(1, 2).Line($"SUMME EUR               {total}").NormalSize().Bold(false)
        .Line($"Bar                     {total}")
        .Line("Vielen Dank!")
        .FeedAndCut()
        .ToArray();

    private JsonElement WaitForPending()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var listed = cli.RunJson("receipts", "pending").Json();
            if (listed.GetArrayLength() > 0)
            {
                return listed;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("no pending sale was listed within " + Patience);
    }

    private void WaitUntilNoCouponWaitsForThePrinter()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending'") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the confirmed sale's coupons were never printed");
            Thread.Sleep(50);
        }
    }

    private RunningService Start()
    {
        var service = new RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
        scanner.WaitUntilRaw(Patience);
        pos.WaitUntilRaw(Patience);
        return service;
    }

    private void Scan(RunningService service, string card)
    {
        var seen = service.LogLineCount;
        scanner.Write(System.Text.Encoding.ASCII.GetBytes(card + "\r\n"));
        service.WaitForLog("identified at till", Patience, seen);
    }

    private JsonElement Show() => cli.RunJson("customers", "show", AnnaCard).Json();

    private void WriteConfig(decimal? confirmSalesAbove) => File.WriteAllText(config, $$"""
        {
          "Till": { "Id": "till-1", "LateScanWindow": "00:03:00"{{(confirmSalesAbove is { } limit ? ", \"ConfirmSalesAbove\": " + limit.ToString(CultureInfo.InvariantCulture) : string.Empty)}} },
          "Scanner": { "Device": "{{scanner.SlavePath}}", "BaudRate": 9600 },
          "ReceiptTap": { "Input": "{{pos.SlavePath}}", "Profile": "default", "CodePage": 858 },
          "Printer": { "Device": "{{printer.Device}}", "Columns": 42 },
          "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" }
        }
        """);
}
