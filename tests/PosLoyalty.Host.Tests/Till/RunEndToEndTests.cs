using System.Text.Json;
using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>
/// `posloyalty run --headless` as a child process, wired as at a shop: the scanner and the POS on real
/// pseudo-terminals, the receipt printer a TCP listener on 127.0.0.1.
/// </summary>
public sealed class RunEndToEndTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang

    private readonly TillRig till = new();

    public RunEndToEndTests() =>
        Assert.Equal(0, till.Cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--greeting", "Mrs Rossi").ExitCode);

    public void Dispose() => till.Dispose();

    [Fact]
    public void Scan_then_receipt_prints_every_original_byte_plus_the_coupon_and_survives_kill_minus_9()
    {
        // A US receipt of 1,234.56: 1,234 points, and 500 points buy a 5.00-off coupon.
        var receipt = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", "002-en-US-receiptline-escpos.bin"));
        using (var service = till.Start())
        {
            till.Scan(service);
            till.Pos.Write(receipt);

            var printed = WaitForCouponsPrinted(receipt, endsWithTheReceipt: true);
            var coupon = AssertOriginalPlusInsertBeforeCut(receipt, printed, service.Log);
            var couponText = string.Join('\n', new EscPosDecoder().Push([.. coupon, 0x1D, 0x56, 0x00]).SelectMany(r => r.Lines).Select(l => l.Text));
            Assert.Contains("5.00 off", couponText, StringComparison.Ordinal);
            Assert.Contains("Thank you, Mrs Rossi!", couponText, StringComparison.Ordinal);

            var show = till.Show();
            Assert.Equal(1, show.GetProperty("visits").GetInt32());
            var codes = show.GetProperty("coupons").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
            Assert.NotEmpty(codes);
            Assert.All(codes, code => Assert.Contains(code, couponText.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
            WaitUntilEveryCouponPrintedOnce();

            // The same receipt again (a reprint, a replayed stream): passed through unchanged, nothing earned.
            var before = till.Cli.Fingerprint();
            var printedSoFar = printed.Length;
            till.Pos.Write(receipt);
            var again = till.Printer.WaitForBytes(printedSoFar + receipt.Length, Patience);
            Thread.Sleep(300);
            Assert.Equal(receipt, till.Printer.Received[printedSoFar..]);
            service.WaitForLog("earns nothing", Patience);
            Assert.Equal(before, till.Cli.Fingerprint());
            Assert.Equal(printedSoFar + receipt.Length, again.Length);

            service.KillHard();
        }

        // After kill -9: everything acknowledged is there, the file is sound, and the till works on.
        var afterKill = till.Show();
        Assert.Equal(1, afterKill.GetProperty("visits").GetInt32());
        var integrity = till.Cli.Run("doctor", "--json");
        Assert.Equal(0, integrity.ExitCode);
        Assert.Contains("\"ok\"", integrity.Stdout, StringComparison.Ordinal);

        using (var restarted = till.Start())
        {
            var printedBefore = till.Printer.Received.Length;
            var second = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", "001-en-US-epson-tm-t88vi.bin"));
            till.Scan(restarted);
            till.Pos.Write(second);
            till.Printer.WaitForBytes(printedBefore + second.Length, Patience);
            restarted.WaitForLog("recorded for customer", Patience);
        }

        Assert.Equal(2, till.Show().GetProperty("visits").GetInt32());
    }

    [Fact]
    public void After_cut_placement_prints_the_receipt_untouched_then_the_coupon_on_its_own_slip()
    {
        till.WriteConfig(printerKeys: """ "CouponPlacement": "AfterCut" """);
        var receipt = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", "002-en-US-receiptline-escpos.bin"));
        using var service = till.Start();

        till.Scan(service);
        till.Pos.Write(receipt);
        var printed = WaitForCouponsPrinted(receipt, endsWithTheReceipt: false);

        Assert.True(printed.Length > receipt.Length, "a coupon slip follows the receipt");
        Assert.Equal(receipt, printed[..receipt.Length]);
        var slip = printed[receipt.Length..];
        Assert.Equal(new byte[] { 0x1B, 0x40 }, slip[..2]); // its own slip: initialise …
        var slipReceipts = new EscPosDecoder().Push(slip);
        Assert.Contains(slipReceipts, r => r.EndedByCut && r.Text.Contains("5.00 off", StringComparison.Ordinal)); // … and its own cut
        WaitUntilEveryCouponPrintedOnce();
    }

    [Fact]
    public void Receipt_with_nobody_at_the_counter_is_claimed_by_a_late_scan_and_its_coupon_prints_on_its_own_slip()
    {
        var receipt = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", "002-en-US-receiptline-escpos.bin"));
        using var service = till.Start();

        till.Pos.Write(receipt);
        var passedThrough = till.Printer.WaitForBytes(receipt.Length, Patience);
        service.WaitForLog("kept unclaimed", Patience);
        Assert.Equal(receipt, passedThrough[..receipt.Length]);

        till.Scan(service);
        service.WaitForLog("Late scan", Patience);
        var withSlip = WaitForCouponsPrinted(receipt, endsWithTheReceipt: false);
        Assert.True(withSlip.Length > receipt.Length, "the coupon the late scan earned is printed after the receipt");
        var slipText = string.Join('\n', new EscPosDecoder().Push(withSlip.AsSpan(receipt.Length)).SelectMany(r => r.Lines).Select(l => l.Text));
        Assert.Contains("5.00 off", slipText, StringComparison.Ordinal);
        Assert.Equal(1, till.Show().GetProperty("visits").GetInt32());
        WaitUntilEveryCouponPrintedOnce();
    }

    [Fact]
    public void Invalid_config_value_stops_start_up_with_one_line_naming_the_key()
    {
        File.WriteAllText(till.Config, """{ "Till": { "Id": "till-1", "ActiveCustomerTimeout": "soon" } }""");

        var result = PosLoyaltyProcess.Run(till.Cli.Directory, "run", "--headless", "--config", till.Config, "--db", till.Cli.DatabasePath);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Till:ActiveCustomerTimeout", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_config_key_stops_start_up_naming_it()
    {
        File.WriteAllText(till.Config, """{ "Printer": { "Device": "tcp://127.0.0.1:9", "CouponPlacment": "AfterCut" } }""");

        var result = PosLoyaltyProcess.Run(till.Cli.Directory, "run", "--headless", "--config", till.Config, "--db", till.Cli.DatabasePath);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("CouponPlacment", result.Stderr, StringComparison.Ordinal);
    }

    private static byte[] AssertOriginalPlusInsertBeforeCut(byte[] original, byte[] printed, string serviceLog)
    {
        // Every original byte, in order, unaltered; the only addition sits just before a cut command (GS V).
        var prefix = 0;
        while (prefix < original.Length && prefix < printed.Length && original[prefix] == printed[prefix])
        {
            prefix++;
        }

        Assert.True(prefix < original.Length, "a coupon was inserted; the service logged:\n" + serviceLog); // the log says why, when it fails under load
        var suffix = original.Length - prefix;
        Assert.Equal(original[prefix..], printed[^suffix..]);
        Assert.Equal(0x1D, original[prefix]);
        Assert.Equal(0x56, original[prefix + 1]);
        return printed[prefix..^suffix];
    }

    /// <summary>
    /// Waits for the events, not for a quiet spell (which a busy machine can fake): every coupon marked printed (the
    /// printer has taken its bytes) and the printer holding more than the receipt, ending with the receipt's own last
    /// bytes when the coupon went in before its cut.
    /// </summary>
    private byte[] WaitForCouponsPrinted(byte[] receipt, bool endsWithTheReceipt)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (till.Cli.Scalar("SELECT COUNT(*) FROM coupons") == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20); // the sale and its coupon commit at the cut
        }

        WaitUntilEveryCouponPrintedOnce();
        var cut = receipt.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x1D, 0x56]);
        var tail = receipt[Math.Max(cut, 0)..]; // the coupon goes in just before the last cut: from there on, the receipt's own bytes
        var got = till.Printer.Received;
        while (DateTime.UtcNow < deadline && !(got.Length > receipt.Length && (!endsWithTheReceipt || got.AsSpan().EndsWith(tail))))
        {
            Thread.Sleep(20);
            got = till.Printer.Received;
        }

        return got;
    }

    private void WaitUntilEveryCouponPrintedOnce()
    {
        var issued = till.Cli.Scalar("SELECT COUNT(*) FROM coupons");
        Assert.True(issued > 0, "the sale earned at least one coupon");
        var deadline = DateTime.UtcNow + Patience;
        long printed = 0;
        while (DateTime.UtcNow < deadline)
        {
            printed = till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed' AND print_count = 1");
            if (printed == issued)
            {
                break;
            }

            Thread.Sleep(50);
        }

        Assert.Equal(issued, printed);
        Assert.Equal(0, till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending' OR print_count <> 1"));
    }
}
