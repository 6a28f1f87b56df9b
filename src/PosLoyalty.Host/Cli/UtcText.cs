using System.Globalization;

namespace PosLoyalty.Host.Cli;

/// <summary>A moment as the CLI's text output shows it: "2026-12-03 08:15:00 UTC", or <c>missing</c> when there is none.</summary>
internal static class UtcText
{
    public static string Format(DateTimeOffset? at, string missing) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : missing;
}
