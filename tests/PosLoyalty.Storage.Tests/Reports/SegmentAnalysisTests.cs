using PosLoyalty.Storage.Reports;

namespace PosLoyalty.Storage.Tests.Reports;

public sealed class SegmentAnalysisTests : IDisposable
{
    private readonly TestShop shop = new();

    public void Dispose() => shop.Dispose();

    [Fact]
    public void Report_and_single_customer_lookup_agree_and_shares_add_up()
    {
        var regular = shop.Enrol("Regular", "1001");
        var rare = shop.Enrol("Rare", "1002");
        var gone = shop.Enrol("Gone", "1003");
        shop.Buy(gone, 30m);
        shop.Clock.Advance(TimeSpan.FromDays(200));
        for (var i = 0; i < 12; i++)
        {
            shop.Buy(regular, 10m);
            shop.Clock.Advance(TimeSpan.FromDays(14));
        }

        shop.Buy(rare, 50m);
        var analysis = new SegmentAnalysis(shop.Database, shop.Clock);

        var report = analysis.Run(SegmentThresholds.Default);

        Assert.Equal(10m, report.MedianBasket);
        Assert.Equal(CustomerSegment.RegularHeavy, analysis.SegmentOf(regular, SegmentThresholds.Default));
        Assert.Equal(CustomerSegment.InfrequentHeavy, analysis.SegmentOf(rare, SegmentThresholds.Default));
        Assert.Equal(CustomerSegment.Former, analysis.SegmentOf(gone, SegmentThresholds.Default));
        Assert.Equal(1, report.Groups.Single(g => g.Segment == CustomerSegment.RegularHeavy).Customers);
        Assert.Equal(1, report.Groups.Single(g => g.Segment == CustomerSegment.Former).Customers);
        Assert.Equal(1m, report.Groups.Sum(g => g.RevenueShare));
        Assert.Equal(report.MemberRevenue, report.Pareto.Sum(b => b.Revenue));
    }

    [Fact]
    public void Erased_customers_are_in_no_segment()
    {
        var id = shop.Enrol("Erased", "1004");
        shop.Buy(id, 10m);
        shop.Privacy.Erase(id);

        Assert.Null(new SegmentAnalysis(shop.Database, shop.Clock).SegmentOf(id, SegmentThresholds.Default));
        Assert.Equal(0, new SegmentAnalysis(shop.Database, shop.Clock).Run(SegmentThresholds.Default).Customers);
    }
}
