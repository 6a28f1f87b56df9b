using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Devices;

/// <summary>
/// A POS that sends line noise between receipts (a flaky cable, a driver printing a test page, random bytes): the
/// receipts around it are still recorded, the noise passes through to the printer as it came, and the service
/// keeps running; `doctor` still says the file is fine.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TapGarbageTests : IDisposable
{
    private readonly FakeTcpPrinter printer = new();
    private readonly TillRig till;

    public TapGarbageTests() => till = TillRig.WithAnnaEnrolled(printer.Device);

    public void Dispose()
    {
        till.Dispose();
        printer.Dispose();
    }

    [Fact]
    public void Garbage_between_receipts_loses_no_receipt_and_the_service_keeps_running()
    {
        var random = new Random(31337);
        var receipts = new[] { "001-en-US-epson-tm-t88vi.bin", "002-en-US-receiptline-escpos.bin", "003-en-US-epson-tm-t88vi.bin" };
        var numbers = new[] { "10001", "10002", "10003" };
        var sent = new List<byte>();
        using var service = till.Start();

        for (var round = 0; round < Soak.Scale(1); round++)
        {
            for (var i = 0; i < receipts.Length; i++)
            {
                // Noise: text bytes, NULs, high bytes, sometimes ended by a cut (a "receipt" with no total: not a sale).
                var noise = Garbage(random, random.Next(50, 3000), withCut: i % 2 == 1);
                till.Pos.Write(noise);
                sent.AddRange(noise);
                var bytes = TillRig.Fixture(receipts[i]);
                till.Pos.Write(bytes);
                sent.AddRange(bytes);
                Assert.True(TillRig.WaitUntil(() => Count(numbers[i]) == 1, TillRig.Patience), $"receipt {numbers[i]} after garbage was recorded:\n{service.Log}");
            }
        }

        var tail = Garbage(random, 5000, withCut: true);
        till.Pos.Write(tail);
        sent.AddRange(tail);
        var printed = printer.WaitForBytes(sent.Count, TillRig.Patience);
        Assert.Equal(sent, printed[..sent.Count]);

        Assert.False(service.HasExited, service.Log);
        Assert.DoesNotContain("Unhandled", service.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", service.Log, StringComparison.Ordinal);
        foreach (var number in numbers)
        {
            Assert.Equal(1, Count(number));
        }

        var doctor = till.Cli.Run("doctor", "--json");
        Assert.True(doctor.ExitCode == 0, doctor.ToString());
        Assert.Contains("\"ok\"", doctor.Stdout, StringComparison.Ordinal);
        DatabaseInvariants.AssertHold(till.Cli.DatabasePath);
    }

    private long Count(string receiptNumber) =>
        till.Cli.Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = $r AND kind = 'sale'", ("$r", receiptNumber));

    /// <summary>Bytes with no command introducer (ESC, GS, FS, DLE), so the noise cannot open a payload that swallows the next receipt.</summary>
    private static byte[] Garbage(Random random, int length, bool withCut)
    {
        var bytes = new byte[length + (withCut ? 3 : 0)];
        for (var i = 0; i < length; i++)
        {
            byte b;
            do
            {
                b = random.Next(4) switch
                {
                    0 => (byte)random.Next(256),
                    1 => (byte)"\n\r\t\0"[random.Next(4)],
                    _ => (byte)random.Next(0x20, 0x7F),
                };
            }
            while (b is 0x1B or 0x1D or 0x1C or 0x10);
            bytes[i] = b;
        }

        if (withCut)
        {
            bytes[^3] = 0x1D;
            bytes[^2] = 0x56;
            bytes[^1] = 0x00;
        }

        return bytes;
    }
}
