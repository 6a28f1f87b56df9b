using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Text;

namespace PosLoyalty.Panel.Tests;

public sealed class TextFormattingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 15, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("2026-03-10T08:00:00+01:00", "today")]
    [InlineData("2026-03-09T23:50:00+01:00", "yesterday")]
    [InlineData("2026-02-26T12:00:00+01:00", "12 days ago")]
    [InlineData("2026-02-08T12:00:00+01:00", "30 days ago")]
    [InlineData("2026-02-05T12:00:00+01:00", "1 month ago")]
    [InlineData("2025-12-10T12:00:00+01:00", "3 months ago")]
    [InlineData("2025-03-10T12:00:00+01:00", "1 year ago")]
    [InlineData("2023-01-01T12:00:00+01:00", "3 years ago")]
    [InlineData("2026-03-11T12:00:00+01:00", "today")]
    public void Relative_date_counts_calendar_days_from_the_given_now(string then, string expected)
    {
        Assert.Equal(expected, RelativeDate.Describe(DateTimeOffset.Parse(then, System.Globalization.CultureInfo.InvariantCulture), Now));
    }

    [Fact]
    public void Relative_date_uses_the_offset_of_now_not_of_the_stored_time()
    {
        // 23:30 UTC on the 9th is 00:30 on the 10th in +01:00: today, not yesterday.
        Assert.Equal("today", RelativeDate.Describe(new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero), Now));
    }

    [Theory]
    [InlineData(7, 10, "■■■■■■■□□□")]
    [InlineData(0, 5, "□□□□□")]
    [InlineData(12, 10, "■■■■■■■■■■")]
    [InlineData(15, 40, "■■■■■■■□□□□□□□□□□□□□")]
    public void Stamp_boxes_fill_to_the_count(int count, int target, string boxes)
    {
        Assert.Equal(boxes, StampBoxes.Boxes(new StampCardProgress("Coffee", count, target, "a free coffee")));
    }

    [Fact]
    public void Stamp_progress_reads_as_the_customer_hears_it()
    {
        var card = new StampCardProgress("Coffee", 7, 10, "a free coffee");

        Assert.Equal("7/10", StampBoxes.Fraction(card));
        Assert.Equal("3 more for a free coffee", StampBoxes.ToGo(card));
    }

    [Fact]
    public void A_card_in_debt_reads_as_stamps_owed_not_a_negative_fraction()
    {
        var card = new StampCardProgress("Coffee", 0, 10, "a free coffee", Owed: 9);

        Assert.Equal("□□□□□□□□□□", StampBoxes.Boxes(card));
        Assert.Equal("owes 9", StampBoxes.Fraction(card));
        Assert.Equal("9 stamps owed, then 10 more for a free coffee", StampBoxes.ToGo(card));
        Assert.Equal("1 stamp owed, then 10 more for a free coffee", StampBoxes.ToGo(card with { Owed = 1 }));
        Assert.Equal(19, card.Remaining);
    }

    [Theory]
    [InlineData("12.50", 12.50)]
    [InlineData("12,50", 12.50)]
    [InlineData("3", 3)]
    [InlineData(" 0,5 ", 0.5)]
    public void Amount_input_reads_comma_or_point(string typed, double expected)
    {
        Assert.True(FormSubmission.TryParseAmount(typed, out var amount, out _));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0,00")]
    [InlineData("-1")]
    [InlineData("1.")]
    [InlineData("1,2,3")]
    [InlineData("1e3")]
    [InlineData("999999")]
    public void Amount_input_refuses_what_is_not_a_positive_amount(string typed)
    {
        Assert.False(FormSubmission.TryParseAmount(typed, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
