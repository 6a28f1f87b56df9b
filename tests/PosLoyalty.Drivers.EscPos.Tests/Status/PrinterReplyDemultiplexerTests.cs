using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Status;

public sealed class PrinterReplyDemultiplexerTests
{
    [Fact]
    public void A_status_byte_is_one_real_time_status_reply()
    {
        var replies = new PrinterReplyDemultiplexer().Push([0x16]);

        var reply = Assert.Single(replies);
        Assert.Equal(PrinterReplyKind.RealTimeStatus, reply.Kind);
        Assert.Equal([0x16], reply.Bytes.ToArray());
    }

    [Fact]
    public void An_ASB_block_split_across_reads_is_one_reply()
    {
        var demultiplexer = new PrinterReplyDemultiplexer();

        Assert.Empty(demultiplexer.Push([0x38, 0x00]));
        Assert.True(demultiplexer.IsInsideBlock);
        var reply = Assert.Single(demultiplexer.Push([0x0C, 0x00, 0x12]), r => r.Kind == PrinterReplyKind.AutomaticStatus);

        Assert.Equal([0x38, 0x00, 0x0C, 0x00], reply.Bytes.ToArray());
        Assert.True(reply.AutomaticStatus!.CoverOpen);
        Assert.False(demultiplexer.IsInsideBlock);
    }

    [Fact]
    public void Status_after_an_ASB_block_is_still_recognised()
    {
        var kinds = new PrinterReplyDemultiplexer().Push([0x10, 0x00, 0x00, 0x00, 0x12]).Select(r => r.Kind);

        Assert.Equal([PrinterReplyKind.AutomaticStatus, PrinterReplyKind.RealTimeStatus], kinds);
    }

    [Fact]
    public void XOFF_pauses_and_XON_resumes()
    {
        var demultiplexer = new PrinterReplyDemultiplexer();

        Assert.Equal(PrinterReplyKind.XOff, Assert.Single(demultiplexer.Push([0x13])).Kind);
        Assert.True(demultiplexer.IsPaused);
        Assert.Equal(PrinterReplyKind.XOn, Assert.Single(demultiplexer.Push([0x11])).Kind);
        Assert.False(demultiplexer.IsPaused);
    }

    [Fact]
    public void XOFF_inside_an_ASB_block_does_not_break_the_block()
    {
        var replies = new PrinterReplyDemultiplexer().Push([0x10, 0x00, 0x13, 0x03, 0x00]);

        Assert.Equal([PrinterReplyKind.XOff, PrinterReplyKind.AutomaticStatus], replies.Select(r => r.Kind));
        Assert.Equal([0x10, 0x00, 0x03, 0x00], replies[1].Bytes.ToArray());
    }

    [Fact]
    public void A_broken_ASB_block_is_handed_over_as_other_and_the_next_byte_is_read_afresh()
    {
        var replies = new PrinterReplyDemultiplexer().Push([0x10, 0x00, 0x16]);

        Assert.Equal([PrinterReplyKind.Other, PrinterReplyKind.RealTimeStatus], replies.Select(r => r.Kind));
        Assert.Equal([0x10, 0x00], replies[0].Bytes.ToArray());
    }

    [Fact]
    public void Bytes_of_no_known_pattern_are_other() =>
        Assert.All(new PrinterReplyDemultiplexer().Push("_TM-T88\0"u8), r => Assert.Equal(PrinterReplyKind.Other, r.Kind));

    [Fact]
    public void Replies_hold_every_byte_in_order_however_the_stream_is_chunked() =>
        Prop.ForAll(
                ArbMap.Default.ArbFor<byte[]>(),
                ArbMap.Default.ArbFor<PositiveInt>(),
                (input, chunk) =>
                {
                    var whole = new PrinterReplyDemultiplexer();
                    var wholeReplies = whole.Push(input);

                    var chunked = new PrinterReplyDemultiplexer();
                    var chunkedReplies = new List<PrinterReply>();
                    for (var i = 0; i < input.Length; i += chunk.Get)
                    {
                        chunked.Push(input.AsSpan(i, Math.Min(chunk.Get, input.Length - i)), chunkedReplies);
                    }

                    var relayed = wholeReplies.SelectMany(r => r.Bytes.ToArray()).ToArray();
                    var sameReplies = wholeReplies.Select(r => r.ToString()).SequenceEqual(chunkedReplies.Select(r => r.ToString()));

                    // Everything comes out in order, except an ASB block still waiting for its last bytes
                    // (which cannot hold XON/XOFF bytes out of order: they are emitted as they come).
                    var withoutFlow = input.Where(b => b is not (0x11 or 0x13)).ToArray();
                    var relayedWithoutFlow = relayed.Where(b => b is not (0x11 or 0x13)).ToArray();
                    var pending = withoutFlow.Length - relayedWithoutFlow.Length;
                    return sameReplies
                        && withoutFlow.AsSpan(0, relayedWithoutFlow.Length).SequenceEqual(relayedWithoutFlow)
                        && (whole.IsInsideBlock ? pending is >= 1 and <= 3 : pending == 0);
                })
            .QuickCheckThrowOnFailure();
}
