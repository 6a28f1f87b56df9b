using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

public sealed class DeviceInputTests
{
    private static readonly TimeSpan Timeout = TapRig.Timeout;

    [Fact]
    public async Task Serial_input_on_a_real_pty_prints_every_byte_with_the_coupon_and_relays_printer_replies()
    {
        using var pty = PseudoTerminal.Open();
        await using var rig = TapRig.Create();
        TapInput input = TapInput.Parse(pty.SlavePath, 115200);
        Assert.Equal(TapInputKind.Serial, input.Kind);
        rig.Start(new DevicePosLinkSource(input, TimeProvider.System, NullLogger<DevicePosLinkSource>.Instance));

        var random = new Random(21);
        var receipt = TapStreams.Receipt(random, "P-1");
        byte[] request = [0x10, 0x04, 0x01];
        foreach (byte[] piece in TapStreams.Pieces(random, TapStreams.Concat(receipt.Bytes, request), maxPiece: 64))
        {
            pty.Write(piece);
        }

        int number = 0;
        byte[] expected = TapStreams.Concat(TapRig.WithCoupons([receipt], ref number), request);
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);

        await rig.Printer.SendAsync([0x16], Timeout);          // DLE EOT 1 answer: online, drawer pin high
        Assert.Equal([0x16], pty.ReadExactly(1, Timeout));
    }

    [Fact]
    public async Task Fifo_input_is_read_and_printed_across_writers()
    {
        using var directory = new TempDirectory();
        string fifo = Path.Combine(directory.Path, "receipts.fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(Timeout);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        await using var rig = TapRig.Create();
        TapInput input = TapInput.Parse("file:" + fifo);
        Assert.False(input.HasBackChannel);
        rig.Start(new DevicePosLinkSource(input, TimeProvider.System, NullLogger<DevicePosLinkSource>.Instance));

        var random = new Random(31);
        var first = TapStreams.Receipt(random, "F-1");
        var second = TapStreams.Receipt(random, "F-2");
        foreach (var job in new[] { first, second })
        {
            // Each job by its own writer, as a print spooler would; opening waits until the tap reads the FIFO.
            await using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            await writer.WriteAsync(job.Bytes);
        }

        int number = 0;
        byte[] expected = TapRig.WithCoupons([first, second], ref number);
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
    }

    [Fact]
    public async Task Capture_file_is_replayed_once_and_the_pump_then_ends()
    {
        using var directory = new TempDirectory();
        string capture = Path.Combine(directory.Path, "capture.bin");
        var random = new Random(41);
        var receipts = new[] { TapStreams.Receipt(random, "C-1"), TapStreams.Receipt(random, "C-2") };
        await File.WriteAllBytesAsync(capture, TapStreams.Concat([.. receipts.Select(r => r.Bytes)]));
        await using var rig = TapRig.Create();

        rig.Start(new DevicePosLinkSource(TapInput.Parse(capture), TimeProvider.System, NullLogger<DevicePosLinkSource>.Instance));
        await rig.PumpTask.WaitAsync(Timeout);

        int number = 0;
        byte[] expected = TapRig.WithCoupons(receipts, ref number);
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
        Assert.Equal(Encoding.ASCII.GetBytes("Receipt C-2"), Encoding.ASCII.GetBytes(rig.AtCutReceipts[1].Lines[1].Text));
    }
}
