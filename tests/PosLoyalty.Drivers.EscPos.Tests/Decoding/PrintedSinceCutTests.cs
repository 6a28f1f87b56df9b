using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>
/// <see cref="IReceiptDecoder.PrintedSinceCut"/>: the tap writes a slip of its own only where it is false, so it must be
/// true from the first thing a receipt puts on paper, a logo included, and false again only at the cut.
/// </summary>
public sealed class PrintedSinceCutTests
{
    private const byte Dle = 0x10;
    private const byte Eot = 0x04;

    public static IEnumerable<object[]> NothingPrinted() =>
    [
        [Of(Esc, '@')],
        [Of(Dle, Eot, 1)],
        [Of(Esc, 'p', 0, 25, 250)],
        [Of(Esc, '@', Dle, Eot, 4, Esc, 'p', 1, 50, 50)],
    ];

    public static IEnumerable<object[]> SomethingPrinted() =>
    [
        [Of(Esc, '@', Gs, 'v', '0', 0, 2, 0, 3, 0, TextLookingImageData(6))],
        [Of(Esc, '@', Gs, 'v', '0', 0, 2, 0, 3, 0, TextLookingImageData(2))],
        [Of(Esc, '@', "Shop")],
        [Of(Lf)],
        [Of(Gs, 'k', 73, 3, "{B1")],
        [Of(Gs, 'k', 4, "A1", 0)],
    ];

    [Fact]
    public void A_new_decoder_has_printed_nothing()
    {
        Assert.False(new EscPosDecoder().PrintedSinceCut);
        Assert.False(new StarLineModeDecoder().PrintedSinceCut);
    }

    [Theory]
    [MemberData(nameof(NothingPrinted))]
    public void Initialise_status_requests_and_the_drawer_kick_after_a_cut_print_nothing(byte[] afterCut)
    {
        var decoder = new EscPosDecoder();
        Assert.Single(decoder.Push(Of("TOTAL 1.00\n", Gs, 'V', 66, 0)));
        Assert.False(decoder.PrintedSinceCut);

        decoder.Push(afterCut);

        Assert.False(decoder.PrintedSinceCut);
    }

    [Theory]
    [MemberData(nameof(SomethingPrinted))]
    public void The_next_receipts_first_mark_on_paper_counts_even_when_the_decoder_holds_no_text(byte[] afterCut)
    {
        var decoder = new EscPosDecoder();
        Assert.Single(decoder.Push(Of("TOTAL 1.00\n", Gs, 'V', 66, 0)));

        decoder.Push(afterCut);

        Assert.True(decoder.PrintedSinceCut);
        Assert.Single(decoder.Push(Of("\nTOTAL 2.00\n", Gs, 'V', 66, 0)));
        Assert.False(decoder.PrintedSinceCut);
    }

    [Fact]
    public void A_receipt_split_by_the_line_cap_is_still_open()
    {
        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { MaxLinesPerReceipt = 2 });

        Assert.Single(decoder.Push(Of("one\ntwo\nthree\n")));

        Assert.True(decoder.PrintedSinceCut);
    }

    [Fact]
    public void Flush_ends_the_stream_and_with_it_the_open_receipt()
    {
        var decoder = new EscPosDecoder();
        decoder.Push(Of("half a receipt\n"));

        Assert.NotNull(decoder.Flush());

        Assert.False(decoder.PrintedSinceCut);
    }

    [Fact]
    public void Star_bit_image_after_a_cut_counts_and_the_next_cut_clears_it()
    {
        var decoder = new StarLineModeDecoder();
        Assert.Single(decoder.Push(Of("TOTAL 1.00\n", Esc, 'd', 3)));
        decoder.Push(Of(Esc, '@'));
        Assert.False(decoder.PrintedSinceCut);

        decoder.Push(Of(Esc, 'K', 3, 0, 0x1B, 0x64, 0x00));

        Assert.True(decoder.PrintedSinceCut);
        Assert.Single(decoder.Push(Of("two\n", Esc, 'd', 3)));
        Assert.False(decoder.PrintedSinceCut);
    }
}
