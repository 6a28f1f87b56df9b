using System.Text;
using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Devices;

/// <summary>The scanner's USB cable pulled in the middle of a scan and plugged back in (a new tty behind the same udev symlink).</summary>
[Trait("Category", "Slow")]
public sealed class ScannerReplugTests : IDisposable
{
    private readonly FakeTcpPrinter printer = new();
    private readonly TillRig till;

    public ScannerReplugTests() => till = TillRig.WithAnnaEnrolled(printer.Device);

    public void Dispose()
    {
        till.Dispose();
        printer.Dispose();
    }

    [Fact]
    public void Scanner_unplugged_after_half_a_frame_and_replugged_identifies_the_next_full_scan()
    {
        using var service = till.Start();
        for (var round = 0; round < Soak.Scale(2); round++)
        {
            // Half a card number, then the cable goes.
            var seen = service.LogLineCount;
            till.Scanner.Write(Encoding.ASCII.GetBytes(TillRig.AnnaCard[..5]));
            Thread.Sleep(50);
            till.Replug();
            till.Scanner.WaitUntilRaw(TillRig.Patience);

            // The next full scan on the new tty identifies the customer; the half frame identified nobody.
            till.Scan(service);
            Assert.False(service.HasExited, service.Log);
            var since = service.Log.Split('\n').Skip(seen).ToList();
            Assert.Single(since, l => l.Contains("identified at till", StringComparison.Ordinal));
            Assert.DoesNotContain(since, l => l.Contains(TillRig.AnnaCard[..5] + " ", StringComparison.Ordinal) && l.Contains("unknown", StringComparison.OrdinalIgnoreCase));
        }

        // The sale after the replug lands on the customer.
        till.Pos.Write(TillRig.Fixture("001-en-US-epson-tm-t88vi.bin"));
        service.WaitForLog("recorded for customer", TillRig.Patience);
        Assert.Equal(1, till.Show().GetProperty("visits").GetInt32());
        DatabaseInvariants.AssertHold(till.Cli.DatabasePath);
    }
}
