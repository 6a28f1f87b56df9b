namespace PosLoyalty.Storage.Reports;

/// <summary>The five groups of the owner's segment report (issue #7); <see cref="SegmentNames"/> gives the printed names.</summary>
public enum CustomerSegment
{
    RegularHeavy,
    RegularLight,
    InfrequentHeavy,
    InfrequentLight,
    Former,
}
