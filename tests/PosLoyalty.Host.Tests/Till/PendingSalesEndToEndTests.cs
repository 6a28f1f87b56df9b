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

    private readonly TillRig till = new();

    public PendingSalesEndToEndTests()
    {
        WriteConfig(confirmSalesAbove: 200m);
        Assert.Equal(0, till.Cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--greeting", "Mrs Rossi").ExitCode);
    }

    public void Dispose() => till.Dispose();

    // Relies on the extractor reading an X report as ReceiptKind.Report (ReceiptKindClassifier): before it did, the
    // report was credited as a sale of 1,284.50.
    [Fact]
    public void Card_scanned_then_an_X_report_printed_credits_nothing_and_the_printer_gets_every_byte()
    {
        WriteConfig(confirmSalesAbove: null);
        var report = XReport();
        var before = till.Show();
        using var service = till.Start();

        till.Scan(service);
        till.Pos.Write(report);

        var printed = till.Printer.WaitForBytes(report.Length, Patience);
        service.WaitForLog("is not a sale (report)", Patience);
        Assert.Equal(report, printed);
        var after = till.Show();
        Assert.Equal(before.GetProperty("pointsBalance").GetInt64(), after.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(0, after.GetProperty("visits").GetInt32());
        Assert.Equal(0, till.Cli.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(0, till.Cli.Scalar("SELECT COUNT(*) FROM pending_sales"));
        Assert.DoesNotContain("1.284,50", service.Log, StringComparison.Ordinal); // the kind is logged, never the text
    }

    [Fact]
    public void A_sale_above_the_limit_waits_then_confirm_credits_it_once_and_neither_a_second_confirm_nor_a_replay_changes_anything()
    {
        var receipt = BigSale("8001", "250,00");
        using var service = till.Start();

        till.Scan(service);
        till.Pos.Write(receipt);
        till.Printer.WaitForBytes(receipt.Length, Patience);
        var pending = WaitForPending();
        Assert.Equal(0, till.Show().GetProperty("visits").GetInt32());

        var held = Assert.Single(pending.EnumerateArray());
        Assert.Equal(250m, held.GetProperty("total").GetDecimal());
        Assert.Equal("8001", held.GetProperty("receiptNumber").GetString());
        Assert.Equal("Mrs Rossi", held.GetProperty("customer").GetProperty("name").GetString());
        var id = held.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var confirmed = till.Cli.RunJson("receipts", "confirm", id).Json();
        Assert.True(confirmed.GetProperty("changed").GetBoolean());
        var credited = till.Show();
        Assert.Equal(1, credited.GetProperty("visits").GetInt32());
        Assert.Equal(confirmed.GetProperty("credited").GetProperty("pointsBalance").GetInt64(), credited.GetProperty("pointsBalance").GetInt64());
        Assert.True(credited.GetProperty("pointsBalance").GetInt64() >= 250);
        WaitUntilNoCouponWaitsForThePrinter();

        var before = till.Cli.Fingerprint();
        Assert.False(till.Cli.RunJson("receipts", "confirm", id).Json().GetProperty("changed").GetBoolean());
        Assert.Equal(before, till.Cli.Fingerprint());

        var printedSoFar = till.Printer.Received.Length;
        var seen = service.LogLineCount;
        till.Pos.Write(receipt);
        var again = till.Printer.WaitForBytes(printedSoFar + receipt.Length, Patience);
        service.WaitForLog("earns nothing", Patience, seen);
        Assert.Equal(receipt, again[printedSoFar..(printedSoFar + receipt.Length)]);
        Assert.Equal(before, till.Cli.Fingerprint());
        Assert.Equal(0, till.Cli.RunJson("receipts", "pending").Json().GetArrayLength());
    }

    [Fact]
    public void Kill_minus_9_between_pending_and_confirm_loses_nothing()
    {
        var receipt = BigSale("8101", "312,40");
        long pendingId;
        using (var service = till.Start())
        {
            till.Scan(service);
            till.Pos.Write(receipt);
            pendingId = Assert.Single(WaitForPending().EnumerateArray()).GetProperty("id").GetInt64();
            service.KillHard();
        }

        using (till.Start())
        {
            var listed = Assert.Single(till.Cli.RunJson("receipts", "pending").Json().EnumerateArray());
            Assert.Equal(pendingId, listed.GetProperty("id").GetInt64());
            Assert.Equal(312.40m, listed.GetProperty("total").GetDecimal());

            var confirmed = till.Cli.RunJson("receipts", "confirm", pendingId.ToString(CultureInfo.InvariantCulture)).Json();
            Assert.Equal(312, confirmed.GetProperty("credited").GetProperty("pointsEarned").GetInt64());
        }

        Assert.Equal(1, till.Show().GetProperty("visits").GetInt32());
        Assert.Equal(1, till.Cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-pending'"));
        Assert.Equal(1, till.Cli.Scalar("SELECT COUNT(*) FROM audit WHERE action = 'sale-confirmed'"));
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
            var listed = till.Cli.RunJson("receipts", "pending").Json();
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
        while (till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending'") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the confirmed sale's coupons were never printed");
            Thread.Sleep(50);
        }
    }

    private void WriteConfig(decimal? confirmSalesAbove) => till.WriteConfig(
        till: """ "Id": "till-1", "LateScanWindow": "00:03:00" """
            + (confirmSalesAbove is { } limit ? ", \"ConfirmSalesAbove\": " + limit.ToString(CultureInfo.InvariantCulture) : string.Empty),
        receiptTap: """ "CodePage": 858 """,
        printerKeys: string.Empty);
}
