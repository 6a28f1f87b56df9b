using System.Net;
using System.Net.Sockets;
using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Devices;

/// <summary>A network printer that refuses connections (switched off, wrong port): sales are still recorded at once, and nothing is lost when it comes back.</summary>
[Trait("Category", "Slow")]
public sealed class RefusingPrinterTests : IDisposable
{
    private readonly int port;
    private readonly TillRig till;

    public RefusingPrinterTests()
    {
        // A port that was free a moment ago and has nobody listening: connect gets RST (ECONNREFUSED).
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        till = TillRig.WithAnnaEnrolled($"tcp://127.0.0.1:{port}");
    }

    public void Dispose() => till.Dispose();

    [Fact]
    public void Printer_refusing_connections_does_not_hold_up_the_sale_and_gets_every_byte_when_it_returns()
    {
        var first = TillRig.Fixture("001-en-US-epson-tm-t88vi.bin");
        var second = TillRig.Fixture("002-en-US-receiptline-escpos.bin");
        using var service = till.Start();
        service.WaitForLog("cannot be reached", TillRig.Patience);

        till.Scan(service);
        till.Pos.Write(first);
        service.WaitForLog("recorded for customer", TillRig.Patience);
        var seen = service.LogLineCount;
        Thread.Sleep(700); // past the scanner's 500 ms debounce: the same card twice in a row is one scan
        till.Scan(service);
        till.Pos.Write(second);
        service.WaitForLog("recorded for customer", TillRig.Patience, seen);
        Assert.Equal(2, till.Show().GetProperty("visits").GetInt32());
        var coupons = till.Cli.Scalar("SELECT COUNT(*) FROM coupons");
        Assert.True(coupons > 0);
        Assert.Equal(0, till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed'"));
        Assert.False(service.HasExited, service.Log);

        // The printer is switched on: the held receipts arrive in order, and the coupons print once.
        using var printer = new FakeTcpPrinter(port);
        Assert.True(TillRig.WaitUntil(() => printer.Received.Length >= first.Length + second.Length, TillRig.Patience * 2), "the held bytes reached the printer");
        Assert.True(TillRig.WaitUntil(() => till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed' AND print_count = 1") == coupons, TillRig.Patience), "the coupons printed");
        var printed = printer.WaitUntilQuiet(TimeSpan.FromMilliseconds(800), TillRig.Patience);
        Assert.Equal(first, printed[..first.Length]);
        Assert.True(Contains(printed, second), "the second receipt arrived whole (a coupon may sit before its cut)" );
        Assert.Equal(0, till.Cli.Scalar("SELECT COUNT(*) FROM coupons WHERE print_count > 1"));
        DatabaseInvariants.AssertHold(till.Cli.DatabasePath);
    }

    /// <summary>True when <paramref name="part"/>'s bytes appear in <paramref name="whole"/> in order (a coupon may be inserted between them).</summary>
    private static bool Contains(byte[] whole, byte[] part)
    {
        var j = 0;
        foreach (var b in whole)
        {
            if (j < part.Length && b == part[j])
            {
                j++;
            }
        }

        return j == part.Length;
    }
}
