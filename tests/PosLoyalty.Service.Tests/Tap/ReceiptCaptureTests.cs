using System.Net.Sockets;
using System.Text;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>`receipts capture` through the real pump: a POS on a loopback TCP link, a loopback printer.</summary>
public sealed class ReceiptCaptureTests
{
    private static readonly TimeSpan Timeout = TapRig.Timeout;

    [Fact]
    public async Task A_capture_gets_each_receipt_exactly_as_the_POS_sent_it_however_the_stream_is_split_and_the_printer_gets_every_byte()
    {
        await using var rig = Rig(out var hub);
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        using var capture = hub.Start();

        var random = new Random(23);
        var receipts = Enumerable.Range(1, 4).Select(i => TapStreams.Receipt(random, $"C-{i}").Bytes).ToList();
        var stream = TapStreams.Concat([.. receipts]);
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            foreach (byte[] piece in TapStreams.Pieces(random, stream, maxPiece: 40))
            {
                await pos.GetStream().WriteAsync(piece);
            }

            for (var i = 0; i < receipts.Count; i++)
            {
                var captured = await Next(capture);
                Assert.Equal(receipts[i], captured.Bytes);
                Assert.Equal(0, captured.MaskedDigits);
            }
        }

        await rig.Printer.WaitForBytesAsync(stream.Length, Timeout);
        Assert.Equal(stream, rig.Printer.Received);
        Assert.False(capture.SkipsReceiptInProgress);
    }

    [Fact]
    public async Task A_card_number_split_across_two_reads_is_masked_in_the_capture_and_printed_whole()
    {
        await using var rig = Rig(out var hub);
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        using var capture = hub.Start();

        var receipt = Encoding.ASCII.GetBytes("\x1B@Shop\nVISA 4111 1111 1111 1111\nTOTAL 3.50\n").Concat(TapStreams.Cut).ToArray();
        var split = Encoding.ASCII.GetString(receipt).IndexOf("1111 1111 1111", StringComparison.Ordinal) + 2;
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(receipt.AsMemory(0, split));
            await rig.Printer.WaitForBytesAsync(split, Timeout); // the first read has gone through the pump
            await pos.GetStream().WriteAsync(receipt.AsMemory(split));

            var captured = await Next(capture);
            Assert.Equal(Encoding.ASCII.GetBytes("\x1B@Shop\nVISA **** **** **** 1111\nTOTAL 3.50\n").Concat(TapStreams.Cut), captured.Bytes);
            Assert.Equal(12, captured.MaskedDigits);
        }

        await rig.Printer.WaitForBytesAsync(receipt.Length, Timeout);
        Assert.Equal(receipt, rig.Printer.Received);
    }

    [Fact]
    public async Task A_capture_begun_while_a_receipt_prints_starts_with_the_next_receipt()
    {
        await using var rig = Rig(out var hub);
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);

        var random = new Random(29);
        var first = TapStreams.Receipt(random, "P-1").Bytes;
        var second = TapStreams.Receipt(random, "P-2").Bytes;
        using TcpClient pos = await TapRig.ConnectPosAsync(listener);
        var half = first.Length - 20; // the text is in, the barcode and cut are not
        await pos.GetStream().WriteAsync(first.AsMemory(0, half));
        await rig.Printer.WaitForBytesAsync(half, Timeout);

        using var capture = hub.Start();
        await pos.GetStream().WriteAsync(first.AsMemory(half));
        await pos.GetStream().WriteAsync(second);

        Assert.True(capture.SkipsReceiptInProgress);
        Assert.Equal(second, (await Next(capture)).Bytes);
    }

    [Fact]
    public async Task Each_POS_connection_starts_a_receipt_and_one_ended_without_a_cut_is_captured_up_to_its_close()
    {
        await using var rig = Rig(out var hub);
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        using var capture = hub.Start();

        var random = new Random(31);
        var uncut = TapStreams.Receipt(random, "U-1", withCut: false).Bytes;
        var cut = TapStreams.Receipt(random, "U-2").Bytes;
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(uncut);
        }

        Assert.Equal(uncut, (await Next(capture)).Bytes);
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(cut);
            Assert.Equal(cut, (await Next(capture)).Bytes);
        }
    }

    [Fact]
    public async Task A_capture_hears_when_the_tap_stops_and_a_till_without_a_tap_has_nothing_to_capture()
    {
        var hub = new ReceiptCaptureHub(new ReceiptReader(BuiltInReceiptProfiles.Default, 437));
        using var capture = hub.Start();
        hub.End();

        Assert.Null(await capture.NextAsync(CancellationToken.None).AsTask().WaitAsync(Timeout));
        Assert.False(new ReceiptCaptureHub(null).HasTap);
        Assert.Throws<InvalidOperationException>(() => new ReceiptCaptureHub(null).Start());
    }

    private static TapRig Rig(out ReceiptCaptureHub hub)
    {
        var rig = TapRig.Create();
        rig.AtCut = (_, _) => ReadOnlyMemory<byte>.Empty;
        rig.AfterReceipt = _ => ReadOnlyMemory<byte>.Empty;
        hub = new ReceiptCaptureHub(new ReceiptReader(BuiltInReceiptProfiles.Default, 437));
        rig.Captures = hub;
        return rig;
    }

    private static async Task<CapturedReceipt> Next(ReceiptCapture capture)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        return await capture.NextAsync(deadline.Token) ?? throw new InvalidOperationException("the capture ended");
    }
}
