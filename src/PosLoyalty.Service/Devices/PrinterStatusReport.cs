namespace PosLoyalty.Service.Devices;

/// <summary>The printer's answer to DLE EOT 1, 2 and 4 (online, offline or unknown, and why).</summary>
public sealed record PrinterStatusReport(string State, bool PaperEnd, bool PaperNearEnd, bool CoverOpen, bool Error, string? UnknownReason);
