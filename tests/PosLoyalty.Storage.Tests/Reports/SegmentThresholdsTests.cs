using PosLoyalty.Storage.Reports;

namespace PosLoyalty.Storage.Tests.Reports;

public sealed class SegmentThresholdsTests
{
    private static readonly SegmentThresholds Defaults = SegmentThresholds.Default;

    [Theory]
    [InlineData(true, 12, 120_0000, 10_0000, CustomerSegment.RegularHeavy)]
    [InlineData(true, 12, 119_9999, 10_0000, CustomerSegment.RegularLight)]
    [InlineData(true, 11, 5000_0000, 10_0000, CustomerSegment.InfrequentHeavy)]
    [InlineData(true, 2, 10_0000, 10_0000, CustomerSegment.InfrequentLight)]
    [InlineData(true, 0, 0, 10_0000, CustomerSegment.InfrequentLight)]
    [InlineData(false, 40, 9000_0000, 10_0000, CustomerSegment.Former)]
    public void Defaults_draw_the_lines_at_one_visit_a_month_and_the_median_basket(bool seenRecently, long visits, long spendE4, long medianE4, CustomerSegment expected) =>
        Assert.Equal(expected, Defaults.Classify(seenRecently, visits, spendE4, medianE4));

    [Fact]
    public void A_rare_visitor_who_spends_a_lot_is_infrequent_heavy_not_regular() =>
        Assert.Equal(CustomerSegment.InfrequentHeavy, Defaults.Classify(true, 1, 300_0000, 10_0000));

    [Fact]
    public void Thresholds_are_configurable()
    {
        var strict = new SegmentThresholds { RegularVisitsPerMonth = 4, HeavyBasketToMedianRatio = 2 };
        Assert.Equal(CustomerSegment.InfrequentLight, strict.Classify(true, 12, 120_0000, 10_0000));
        Assert.Equal(CustomerSegment.RegularHeavy, strict.Classify(true, 48, 960_0000, 10_0000));
    }

    [Fact]
    public void A_threshold_out_of_range_names_its_option()
    {
        var ex = Assert.Throws<PosLoyalty.Domain.Values.DomainValidationException>(() => new SegmentThresholds { FormerAfterMonths = 0 }.Validate());
        Assert.Contains("--former-months", ex.Message, StringComparison.Ordinal);
    }
}
