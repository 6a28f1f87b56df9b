namespace PosLoyalty.Service.Devices;

/// <summary>Whether the system clock is synchronised, how that was found out, and what to do when it is not.</summary>
public sealed record ClockReport(DateTimeOffset Now, bool? Synchronized, string Source, IReadOnlyList<string> Problems);
