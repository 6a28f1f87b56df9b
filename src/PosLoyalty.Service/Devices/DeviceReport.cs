namespace PosLoyalty.Service.Devices;

/// <summary>
/// What doctor found about one configured device. <see cref="Open"/> is "ok", "failed: …", "skipped: …" or
/// "not tried"; each entry of <see cref="Problems"/> says what is wrong and what to do; <see cref="Notes"/> are facts
/// worth knowing that need no action.
/// </summary>
public sealed record DeviceReport(
    string Key,
    string Device,
    string? Path,
    string? SymlinkTarget,
    bool? Exists,
    string Kind,
    string? Owner,
    string? Group,
    string? Mode,
    bool? CanRead,
    bool? CanWrite,
    string Open,
    PrinterStatusReport? PrinterStatus,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notes)
{
    public bool Healthy => Problems.Count == 0;
}
