using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>White-on-black printing marks a line as emphasised: POS systems print the total that way.</summary>
public sealed class InverseTests
{
    [Fact]
    public void Reverse_printing_marks_only_the_lines_printed_white_on_black()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("Coffee   3.50\n", Gs, 'B', 1, "TOTAL    3.50\n", Gs, 'B', 0, "Thanks\n", Gs, 'V', 0)));

        Assert.Equal([false, true, false], receipt.Lines.Select(line => line.Inverse).ToArray());
        Assert.All(receipt.Lines, line => Assert.False(line.Bold));
    }

    [Fact]
    public void Initialize_ends_reverse_printing()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of(Gs, 'B', 1, Esc, '@', "TOTAL 3.50\n", Gs, 'V', 0)));

        Assert.False(receipt.Lines[0].Inverse);
    }

    [Fact]
    public void Star_highlight_marks_the_line_inverse()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.All(new StarLineModeDecoder(), Of("Coffee 3.50\n", Esc, '4', "TOTAL 3.50\n", Esc, '5', "Thanks\n", Esc, 'd', 2)));

        Assert.Equal([false, true, false], receipt.Lines.Select(line => line.Inverse).ToArray());
    }
}
