using PosLoyalty.Domain.Rules;

namespace PosLoyalty.Domain.Tests;

public sealed class StampLedgerTests
{
    [Theory]
    [InlineData(0, 1, 10, 0, 1)]
    [InlineData(8, 1, 10, 0, 9)]
    [InlineData(9, 1, 10, 1, 0)]
    [InlineData(9, 3, 10, 1, 2)]
    [InlineData(5, 25, 10, 3, 0)]
    [InlineData(0, 0, 1, 0, 0)]
    [InlineData(0, 3, 1, 3, 0)]
    public void A_sum_at_or_above_the_card_fills_whole_cards_and_keeps_the_rest(int sum, int earned, int boxes, int cards, int left)
    {
        var fill = StampLedger.Fill(sum, earned, boxes);
        Assert.Equal(new StampFill(cards, cards * boxes, left), fill);
        Assert.Equal(left, fill.StampsAfter);
        Assert.Equal(0, fill.OwedAfter);
    }

    [Fact]
    public void A_debt_is_filled_by_later_stamps_before_any_card()
    {
        // Two tills filled the same 9-stamp card while apart: 9 + 1 − 10 + 1 − 10 = −9.
        var fill = StampLedger.Fill(-9, 1, 10);
        Assert.Equal(new StampFill(0, 0, -8), fill);
        Assert.Equal(0, fill.StampsAfter);
        Assert.Equal(8, fill.OwedAfter);

        var paidOff = StampLedger.Fill(-1, 1, 10);
        Assert.Equal(new StampFill(0, 0, 0), paidOff);
        Assert.Equal(0, paidOff.OwedAfter);

        var past = StampLedger.Fill(-2, 5, 10);
        Assert.Equal(new StampFill(0, 0, 3), past);
    }

    [Theory]
    [InlineData(-95, 1, 10)]
    [InlineData(-1000, 999, 10)]
    [InlineData(-11, 1, 1)]
    [InlineData(int.MinValue + 1, 0, 100)]
    public void A_deep_debt_never_gives_a_negative_number_of_cards(int sum, int earned, int boxes)
    {
        var fill = StampLedger.Fill(sum, earned, boxes);
        Assert.Equal(0, fill.CardsFilled);
        Assert.Equal(0, fill.StampsConsumed);
        Assert.Equal(sum + earned, fill.SumAfter);
        Assert.Equal(0, fill.StampsAfter);
        Assert.Equal(-(sum + earned), fill.OwedAfter);
    }

    [Fact]
    public void A_debt_paid_with_stamps_to_spare_fills_a_card_from_the_spare_only()
    {
        Assert.Equal(new StampFill(1, 10, 2), StampLedger.Fill(-3, 15, 10));
    }

    [Theory]
    [InlineData(7, 7, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(-4, 0, 4)]
    [InlineData(12, 12, 0)]
    public void Stamps_and_owed_split_a_sum(int sum, int stamps, int owed)
    {
        Assert.Equal(stamps, StampLedger.Stamps(sum));
        Assert.Equal(owed, StampLedger.Owed(sum));
    }

    [Fact]
    public void A_card_without_boxes_or_negative_stamps_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StampLedger.Fill(0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StampLedger.Fill(0, -1, 10));
    }
}
