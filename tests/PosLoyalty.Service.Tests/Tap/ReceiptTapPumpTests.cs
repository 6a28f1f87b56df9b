using System.Net.Sockets;
using System.Text;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

public sealed class ReceiptTapPumpTests
{
    private static readonly TimeSpan Timeout = TapRig.Timeout;

    [Fact]
    public async Task Random_binary_with_images_and_barcodes_reaches_the_printer_unaltered_and_in_order()
    {
        await using var rig = TapRig.Create();
        rig.AtCut = (_, _) => ReadOnlyMemory<byte>.Empty;
        rig.AfterReceipt = _ => ReadOnlyMemory<byte>.Empty;
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);

        var random = new Random(11);
        byte[] stream = TapStreams.Concat(
            TapStreams.Receipt(random, "A-1").Bytes,
            TapStreams.RandomBinary(random, 200_000),
            TapStreams.Receipt(random, "A-2").Bytes,
            TapStreams.RandomBinary(random, 50_000));
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            foreach (byte[] piece in TapStreams.Pieces(random, stream, maxPiece: 5000))
            {
                await pos.GetStream().WriteAsync(piece);
            }
        }

        await rig.Printer.WaitForBytesAsync(stream.Length, Timeout);
        Assert.Equal(stream, rig.Printer.Received);
    }

    [Fact]
    public async Task Slip_after_the_cut_is_printed_after_its_cut_and_never_inside_the_next_receipt_however_the_stream_is_split()
    {
        await using var rig = TapRig.Create();
        rig.SlipAfterCut = (_, n) => Encoding.ASCII.GetBytes($"[SLIP {n}]");
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);

        var random = new Random(17);
        var receipts = Enumerable.Range(1, 8).Select(i => TapStreams.Receipt(random, $"S-{i}")).ToList();
        byte[] stream = TapStreams.Concat([.. receipts.Select(r => r.Bytes)]);
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            foreach (byte[] piece in TapStreams.Pieces(random, stream, maxPiece: 40))
            {
                await pos.GetStream().WriteAsync(piece);
            }
        }

        int slipBytes = Enumerable.Range(1, 8).Sum(n => $"[SLIP {n}]".Length);
        await rig.Printer.WaitForBytesAsync(stream.Length + slipBytes, Timeout);
        string printed = Encoding.Latin1.GetString(rig.Printer.Received);
        string withoutSlips = System.Text.RegularExpressions.Regex.Replace(printed, @"\[SLIP \d\]", string.Empty);
        Assert.Equal(Encoding.Latin1.GetString(stream), withoutSlips); // the POS's bytes, whole and in order

        int receiptEnd = 0;
        for (int n = 1; n <= 8; n++)
        {
            // Slip n follows receipt n's whole cut command (slips before it inserted nothing into the POS's bytes).
            receiptEnd += receipts[n - 1].Bytes.Length;
            int cutEnd = receiptEnd - receipts[n - 1].Bytes.Length + receipts[n - 1].CutOffset + TapStreams.Cut.Length;
            int slipAt = printed.IndexOf($"[SLIP {n}]", StringComparison.Ordinal);
            int posBytesBeforeSlip = System.Text.RegularExpressions.Regex.Replace(printed[..slipAt], @"\[SLIP \d\]", string.Empty).Length;
            Assert.True(posBytesBeforeSlip >= cutEnd, $"slip {n} came after {posBytesBeforeSlip} POS bytes, before its cut ended at {cutEnd}");

            // And between two receipts, never inside one: its ESC @ would reset the POS's receipt.
            var receiptEnds = receipts.Select((r, i) => receipts.Take(i + 1).Sum(x => x.Bytes.Length)).ToHashSet();
            Assert.Contains(posBytesBeforeSlip, receiptEnds);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Slip_waiting_for_a_receipt_boundary_is_not_written_into_the_next_receipts_logo(bool chunkEndsAtTheLogosLastByte)
    {
        await using var rig = TapRig.Create();
        rig.SlipAfterCut = (_, n) => Encoding.ASCII.GetBytes($"[SLIP {n}]");
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);

        var random = new Random(3);
        var first = TapStreams.Receipt(random, "L-1");
        var second = TapStreams.Receipt(random, "L-2");

        // Receipt 1 and then the next receipt's ESC @, its raster logo's header and a few of the logo's data bytes: the
        // chunk ends inside an image, where no command is open and no text is held, yet a slip's bytes would be pixels.
        // Or the whole logo: the chunk ends in text with nothing held, yet receipt 2 is already on the paper.
        int logoDataBytes = second.Bytes[6] * second.Bytes[8];
        int split = 2 + 8 + (chunkEndsAtTheLogosLastByte ? logoDataBytes : Math.Min(3, logoDataBytes - 1));
        byte[] firstChunk = [.. first.Bytes, .. second.Bytes[..split]];
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(firstChunk);
            await rig.Printer.WaitForBytesAsync(firstChunk.Length, Timeout);
            await pos.GetStream().WriteAsync(second.Bytes.AsMemory(split));
        }

        byte[] stream = [.. first.Bytes, .. second.Bytes];
        int slipBytes = "[SLIP 1]".Length + "[SLIP 2]".Length;
        await rig.Printer.WaitForBytesAsync(stream.Length + slipBytes, Timeout);
        string printed = Encoding.Latin1.GetString(rig.Printer.Received);
        int slipAt = printed.IndexOf("[SLIP 1]", StringComparison.Ordinal);
        Assert.True(slipAt == first.Bytes.Length || slipAt == stream.Length, $"slip 1 was written after {slipAt} POS bytes: inside receipt 2 (it began at {first.Bytes.Length})");
        Assert.Equal(Encoding.Latin1.GetString(stream), printed.Replace("[SLIP 1]", string.Empty, StringComparison.Ordinal).Replace("[SLIP 2]", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coupon_bytes_land_exactly_before_each_cut_however_the_stream_is_split()
    {
        await using var rig = TapRig.Create();
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);

        var random = new Random(5);
        var receipts = Enumerable.Range(1, 12).Select(i => TapStreams.Receipt(random, $"R-{i}")).ToList();
        int number = 0;
        byte[] expected = TapRig.WithCoupons(receipts, ref number);
        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            // Pieces of 1 to 40 bytes: cut commands split across reads, several cuts in one read.
            foreach (byte[] piece in TapStreams.Pieces(random, TapStreams.Concat([.. receipts.Select(r => r.Bytes)]), maxPiece: 40))
            {
                await pos.GetStream().WriteAsync(piece);
            }
        }

        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Receipt R-{i}"), rig.AtCutReceipts.Select(r => r.Lines[1].Text));
    }

    [Fact]
    public async Task Several_receipts_in_one_chunk_are_split_at_each_cut()
    {
        await using var rig = TapRig.Create();
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        var random = new Random(9);
        var receipts = Enumerable.Range(1, 3).Select(i => TapStreams.Receipt(random, $"S-{i}")).ToList();
        int number = 0;
        byte[] expected = TapRig.WithCoupons(receipts, ref number);

        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(TapStreams.Concat([.. receipts.Select(r => r.Bytes)]));
        }

        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
    }

    [Fact]
    public async Task Printer_reply_to_DLE_EOT_comes_back_to_the_POS_unchanged()
    {
        await using var rig = TapRig.Create();
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        using TcpClient pos = await TapRig.ConnectPosAsync(listener);

        await pos.GetStream().WriteAsync(new byte[] { 0x10, 0x04, 0x04 });
        await rig.Printer.WaitForBytesAsync(3, Timeout);
        byte[] answer = [0x72];                                   // paper end (Epson DLE EOT 4)
        await rig.Printer.SendAsync(answer, Timeout);
        byte[] asb = [0x14, 0x00, 0x0C, 0x00];                   // an ASB block
        await rig.Printer.SendAsync(asb, Timeout);

        var back = new byte[5];
        await pos.GetStream().ReadExactlyAsync(back).AsTask().WaitAsync(Timeout);
        Assert.Equal(TapStreams.Concat(answer, asb), back);
        await Eventually.TrueAsync(() => rig.Link.PaperOut, Timeout, "the link read the answer as paper out");
    }

    [Fact]
    public async Task Hook_that_throws_does_not_stop_the_pump_and_the_bytes_pass_unchanged()
    {
        await using var rig = TapRig.Create();
        rig.AtCut = (_, n) => n == 1 ? throw new InvalidOperationException("database locked") : TapRig.Coupon(n);
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        var random = new Random(2);
        var first = TapStreams.Receipt(random, "T-1");
        var second = TapStreams.Receipt(random, "T-2");

        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(TapStreams.Concat(first.Bytes, second.Bytes));
        }

        byte[] expected = TapStreams.Concat(first.Bytes, second.Bytes.AsSpan(0, second.CutOffset).ToArray(), TapRig.Coupon(2), second.Bytes.AsSpan(second.CutOffset).ToArray());
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
    }

    [Fact]
    public async Task Connections_one_after_another_each_print_in_order()
    {
        await using var rig = TapRig.Create();
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        var random = new Random(4);
        var jobs = Enumerable.Range(1, 4).Select(i => TapStreams.Receipt(random, $"J-{i}")).ToList();

        foreach (var job in jobs)
        {
            using TcpClient pos = await TapRig.ConnectPosAsync(listener);
            await pos.GetStream().WriteAsync(job.Bytes);
        }

        int number = 0;
        byte[] expected = TapRig.WithCoupons(jobs, ref number);
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
    }

    [Fact]
    public async Task Receipt_without_a_cut_goes_to_the_after_receipt_hook_when_the_connection_ends()
    {
        await using var rig = TapRig.Create();
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        var (bytes, _) = TapStreams.Receipt(new Random(1), "U-1", withCut: false);

        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(bytes);
        }

        byte[] expected = TapStreams.Concat(bytes, Encoding.ASCII.GetBytes("[after]"));
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
        DecodedReceipt receipt = Assert.Single(rig.AfterReceipts);
        Assert.False(receipt.EndedByCut);
        Assert.Empty(rig.AtCutReceipts);
    }

    [Fact]
    public async Task Unfinished_command_at_the_end_of_a_connection_is_still_delivered()
    {
        await using var rig = TapRig.Create();
        rig.AfterReceipt = _ => ReadOnlyMemory<byte>.Empty;
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        byte[] bytes = Encoding.ASCII.GetBytes("text\n\u001dV");

        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            await pos.GetStream().WriteAsync(bytes);
        }

        await rig.Printer.WaitForBytesAsync(bytes.Length, Timeout);
        Assert.Equal(bytes, rig.Printer.Received);
    }

    [Fact]
    public async Task Star_receipts_get_their_coupon_before_ESC_d()
    {
        await using var rig = TapRig.Create(() => new StarLineModeDecoder());
        await using var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        rig.Start(listener);
        byte[] body = Encoding.ASCII.GetBytes("\u001b@Star shop\nTOTAL 9.90\n");
        byte[] cut = [0x1B, (byte)'d', 3];

        using (TcpClient pos = await TapRig.ConnectPosAsync(listener))
        {
            foreach (byte[] piece in TapStreams.Pieces(new Random(8), TapStreams.Concat(body, cut), maxPiece: 3))
            {
                await pos.GetStream().WriteAsync(piece);
            }
        }

        byte[] expected = TapStreams.Concat(body, TapRig.Coupon(1), cut);
        await rig.Printer.WaitForBytesAsync(expected.Length, Timeout);
        Assert.Equal(expected, rig.Printer.Received);
    }
}
