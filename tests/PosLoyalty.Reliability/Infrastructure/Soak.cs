using System.Globalization;

namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>
/// The soak switch: POSLOYALTY_SOAK=1 multiplies every count by 10; POSLOYALTY_SOAK=N (N ≥ 2) by N.
/// Unset, the counts are the bounded ones CI runs. The child processes never see it (PosLoyaltyProcess strips
/// POSLOYALTY* from their environment).
/// </summary>
internal static class Soak
{
    public static int Multiplier { get; } = Read();

    public static bool IsOn => Multiplier > 1;

    public static int Scale(int normal) => checked(normal * Multiplier);

    public static long Scale(long normal) => checked(normal * Multiplier);

    private static int Read()
    {
        var value = Environment.GetEnvironmentVariable("POSLOYALTY_SOAK");
        if (string.IsNullOrWhiteSpace(value) || value == "0")
        {
            return 1;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 ? n : 10;
    }
}
