using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class CutStreamOffsetTests
{
    public static IEnumerable<object[]> EscPosCuts() => CutAndBarcodeTests.Cuts();

    public static IEnumerable<object[]> StarCuts() =>
    [
        [Of(Esc, 'd', 0)],
        [Of(Esc, 'd', 1)],
        [Of(Esc, 'd', '2')],
        [Of(Esc, 'd', '3')],
    ];

    [Theory]
    [MemberData(nameof(EscPosCuts))]
    public void EscPos_cut_offset_is_the_first_byte_of_the_cut_command_at_every_split_point(byte[] cut)
    {
        // A raster image whose data looks like a cut must not move the offsets.
        byte[] image = Of(Gs, 'v', '0', 0, 2, 0, 3, 0, TextLookingImageData(6));
        byte[] first = Of(Esc, '@', "TOTAL 1.00\n", image);
        byte[] second = Of("two\n", Gs, 'k', 73, 3, "{B1");
        byte[] stream = Of(first, cut, second, cut, "tail\n");
        long[] expected = [first.Length, first.Length + cut.Length + second.Length];

        AssertOffsetsAtEverySplit(() => new EscPosDecoder(), stream, expected);
    }

    [Theory]
    [MemberData(nameof(StarCuts))]
    public void Star_cut_offset_is_the_first_byte_of_ESC_d_at_every_split_point(byte[] cut)
    {
        byte[] first = Of(Esc, '@', "TOTAL 1.00\n", Esc, 'K', 3, 0, 0x1B, 0x64, 0x00);
        byte[] second = Of("two\n");
        byte[] stream = Of(first, cut, second, cut);
        long[] expected = [first.Length, first.Length + cut.Length + second.Length];

        AssertOffsetsAtEverySplit(() => new StarLineModeDecoder(), stream, expected);
    }

    [Fact]
    public void Star_raster_end_of_document_reports_the_ESC_of_ESC_FF_EOT()
    {
        byte[] before = Of("text\n", Esc, '*', 'r', 'A', 'b', 2, 0, 0x1B, 0x0C);
        byte[] stream = Of(before, Esc, 0x0C, 0x04);

        AssertOffsetsAtEverySplit(() => new StarLineModeDecoder(), stream, [before.Length]);
    }

    [Fact]
    public void Receipt_not_ended_by_a_cut_has_no_offset()
    {
        var decoder = new EscPosDecoder();
        Assert.Empty(decoder.Push(Of("no cut\n")));

        DecodedReceipt? flushed = decoder.Flush();

        Assert.NotNull(flushed);
        Assert.False(flushed.EndedByCut);
        Assert.Null(flushed.CutStreamOffset);
    }

    [Fact]
    public void Offsets_count_across_many_pushes_and_a_flush()
    {
        var decoder = new EscPosDecoder();
        decoder.Push(Of("a\n"));
        Assert.NotNull(decoder.Flush());
        IReadOnlyList<DecodedReceipt> receipts = decoder.Push(Of("b\n", Gs, 'V', 0));

        Assert.Equal(4, Assert.Single(receipts).CutStreamOffset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EscPos_open_command_offset_covers_a_cut_split_across_chunks(int prefixLength)
    {
        byte[] cut = Of(Gs, 'V', 65, 0);
        var decoder = new EscPosDecoder();
        Assert.Empty(decoder.Push(Of("abc\n", cut.AsSpan(0, prefixLength).ToArray())));

        Assert.Equal(4, decoder.OpenCommandStreamOffset);
        DecodedReceipt receipt = Assert.Single(decoder.Push(cut.AsSpan(prefixLength).ToArray()));
        Assert.Equal(4, receipt.CutStreamOffset);
        Assert.Null(decoder.OpenCommandStreamOffset);
    }

    [Fact]
    public void Open_command_offset_is_null_in_text_and_inside_an_image()
    {
        var decoder = new EscPosDecoder();
        decoder.Push(Of("abc"));
        Assert.Null(decoder.OpenCommandStreamOffset);
        decoder.Push(Of(Gs, 'v', '0', 0, 10, 0, 10, 0, 1, 2, 3));
        Assert.Null(decoder.OpenCommandStreamOffset);
    }

    [Fact]
    public void Star_open_command_offset_covers_ESC_d_split_across_chunks()
    {
        var decoder = new StarLineModeDecoder();
        Assert.Empty(decoder.Push(Of("abc\n", Esc)));
        Assert.Equal(4, decoder.OpenCommandStreamOffset);
        Assert.Empty(decoder.Push(Of('d')));
        Assert.Equal(4, decoder.OpenCommandStreamOffset);

        Assert.Equal(4, Assert.Single(decoder.Push(Of(3))).CutStreamOffset);
    }

    private static void AssertOffsetsAtEverySplit(Func<IReceiptDecoder> create, byte[] stream, long[] expected)
    {
        for (int split = 0; split <= stream.Length; split++)
        {
            for (int second = split; second <= stream.Length; second++)
            {
                IReceiptDecoder decoder = create();
                var offsets = new List<long?>();
                offsets.AddRange(decoder.Push(stream.AsSpan(0, split)).Select(r => r.CutStreamOffset));
                offsets.AddRange(decoder.Push(stream.AsSpan(split, second - split)).Select(r => r.CutStreamOffset));
                offsets.AddRange(decoder.Push(stream.AsSpan(second)).Select(r => r.CutStreamOffset));

                Assert.True(
                    expected.Select(o => (long?)o).SequenceEqual(offsets),
                    $"split at {split} and {second}: got [{string.Join(", ", offsets)}], expected [{string.Join(", ", expected)}]");
            }
        }

        // One byte at a time, the worst case for a serial link.
        IReceiptDecoder single = create();
        var byByte = new List<long?>();
        for (int i = 0; i < stream.Length; i++)
        {
            byByte.AddRange(single.Push(stream.AsSpan(i, 1)).Select(r => r.CutStreamOffset));
        }

        Assert.Equal(expected.Select(o => (long?)o), byByte);
    }
}
