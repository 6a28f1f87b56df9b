namespace PosLoyalty.Storage.Reports;

/// <summary>The names scripts see (`report segments --json`, `customers show --json`): stable, kebab-case.</summary>
public static class SegmentNames
{
    public static IReadOnlyList<CustomerSegment> All { get; } =
        [CustomerSegment.RegularHeavy, CustomerSegment.RegularLight, CustomerSegment.InfrequentHeavy, CustomerSegment.InfrequentLight, CustomerSegment.Former];

    public static string Name(CustomerSegment segment) => segment switch
    {
        CustomerSegment.RegularHeavy => "regular-heavy",
        CustomerSegment.RegularLight => "regular-light",
        CustomerSegment.InfrequentHeavy => "infrequent-heavy",
        CustomerSegment.InfrequentLight => "infrequent-light",
        CustomerSegment.Former => "former",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "not a segment"),
    };
}
