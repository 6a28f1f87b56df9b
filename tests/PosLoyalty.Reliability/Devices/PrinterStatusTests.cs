using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Devices;

/// <summary>
/// A network printer that answers the POS's DLE EOT polls with paper end, then cover open, then ready. The POS's
/// bytes must reach it in order and unaltered, its answers must reach the POS, and the coupon a sale earned while
/// the paper was out must wait (pending) and print exactly once when the printer is ready.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PrinterStatusTests : IDisposable
{
    private static readonly byte[] Poll = [0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04];

    private readonly StatusTcpPrinter printer = new();
    private readonly TillRig till;

    public PrinterStatusTests() => till = TillRig.WithAnnaEnrolled(printer.Device);

    public void Dispose()
    {
        till.Dispose();
        printer.Dispose();
    }

    [Fact]
    public void Paper_end_then_cover_open_then_ready_relays_every_byte_in_order_and_prints_the_waiting_coupon_once()
    {
        var sent = new List<byte>();
        using var service = till.Start();

        printer.Condition = PrinterCondition.PaperEnd;
        PollAndExpect(sent, [0x1A, 0x32, 0x72]);
        service.WaitForLog("reports paper out: True", TillRig.Patience);

        // A sale while the paper is out: recorded at once, its coupon committed as pending, not printed.
        var receipt = TillRig.Fixture("002-en-US-receiptline-escpos.bin");
        till.Scan(service);
        till.Pos.Write(receipt);
        sent.AddRange(receipt);
        service.WaitForLog("recorded for customer", TillRig.Patience);
        Assert.True(TillRig.WaitUntil(() => printer.Received.Length >= sent.Count, TillRig.Patience), "the receipt reached the printer");
        Assert.Equal(1, till.Show().GetProperty("visits").GetInt32());
        var coupons = till.Cli.Scalar("SELECT COUNT(*) FROM coupons");
        Assert.True(coupons > 0, "1,234 points buy a coupon");
        Assert.Equal(coupons, till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'pending' AND print_count = 0"));
        Thread.Sleep(1500); // three ticks of the pending-coupon loop: nothing may go out while the paper is out
        Assert.Equal(sent, printer.Received);

        printer.Condition = PrinterCondition.CoverOpen;
        PollAndExpect(sent, [0x1A, 0x16, 0x12]);

        printer.Condition = PrinterCondition.Ready;
        PollAndExpect(sent, [0x12, 0x12, 0x12]);
        service.WaitForLog("reports paper out: False", TillRig.Patience);
        Assert.True(
            TillRig.WaitUntil(() => till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed' AND print_count = 1") == coupons, TillRig.Patience),
            "every waiting coupon printed once the printer was ready");
        Thread.Sleep(1500); // and not a second time
        Assert.Equal(0, till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state <> 'printed' OR print_count <> 1"));

        // What the printer holds: every POS byte in order, unaltered, and each coupon code once on slips of its own,
        // between two POS jobs (the service may see "ready" from its own status request a moment before the
        // test's last poll reaches the printer, so the slips may come just before that poll rather than after it).
        var printed = printer.Received;
        var same = 0;
        while (same < sent.Count && same < printed.Length && printed[same] == sent[same])
        {
            same++;
        }

        var rest = sent.Count - same;
        Assert.True(printed.Length > sent.Count, "the coupon slips were printed");
        Assert.Equal(sent[same..], printed[^rest..].ToList());
        Assert.True(same == sent.Count || (same >= Poll.Length && sent.Skip(same - Poll.Length).Take(Poll.Length).SequenceEqual(Poll)), "the slips went in between two POS jobs, not inside one");
        var slipBytes = printed[same..^rest];
        var slips = new EscPosDecoder().Push(slipBytes).Select(r => string.Join('\n', r.Lines.Select(l => l.Text))).ToList();
        foreach (var code in CouponCodes())
        {
            var display = $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
            Assert.Equal(1, slips.Count(s => s.Contains(display, StringComparison.Ordinal)));
        }

        Assert.False(service.HasExited, service.Log);
        DatabaseInvariants.AssertHold(till.Cli.DatabasePath);
    }

    private void PollAndExpect(List<byte> sent, byte[] answers)
    {
        till.Pos.Write(Poll);
        sent.AddRange(Poll);
        var back = new List<byte>();
        var deadline = DateTime.UtcNow + TillRig.Patience;
        while (back.Count < answers.Length && DateTime.UtcNow < deadline)
        {
            back.AddRange(till.Pos.Read(TimeSpan.FromMilliseconds(500)));
        }

        Assert.Equal(answers, back);
    }

    private List<string> CouponCodes()
    {
        using var c = till.Cli.OpenReadOnly();
        return DatabaseInvariants.Rows(c, "SELECT code FROM coupons");
    }
}
