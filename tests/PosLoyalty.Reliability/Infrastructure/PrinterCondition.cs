namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>What a fake printer reports to DLE EOT.</summary>
internal enum PrinterCondition
{
    Ready,
    PaperEnd,
    CoverOpen,
}
