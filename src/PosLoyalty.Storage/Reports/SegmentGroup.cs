namespace PosLoyalty.Storage.Reports;

/// <summary>One segment: how many customers, and their spend in the window as money and as a share of member revenue.</summary>
public sealed record SegmentGroup(CustomerSegment Segment, long Customers, decimal Revenue, decimal RevenueShare)
{
    public string Name => SegmentNames.Name(Segment);
}
