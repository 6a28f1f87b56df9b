namespace PosLoyalty.Service.Configuration;

/// <summary>The `Scanner` section: the loyalty-card scanner.</summary>
public sealed class ScannerOptions
{
    public const string Section = "Scanner";

    /// <summary>A tty (/dev/pos/scanner) or evdev:/dev/input/by-id/…-event-kbd for a keyboard-wedge scanner. Empty: no scanner.</summary>
    public string? Device { get; set; }

    public int BaudRate { get; set; } = 9600;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Device);

    public bool IsKeyboardWedge => Device?.StartsWith("evdev:", StringComparison.Ordinal) == true;

    public IEnumerable<string> Validate()
    {
        if (IsConfigured && IsKeyboardWedge && Device!.Length <= "evdev:".Length)
        {
            yield return $"Scanner:Device '{Device}' names no event device (allowed: a tty path, or evdev:/dev/input/by-id/…-event-kbd)";
        }

        if (IsConfigured && !IsKeyboardWedge && !Device!.StartsWith('/') && !Device.StartsWith('.'))
        {
            yield return $"Scanner:Device '{Device}' is not a device path (allowed: a tty path such as /dev/pos/scanner, or evdev:/dev/input/by-id/…-event-kbd)";
        }

        if (BaudRate is < 50 or > 4_000_000)
        {
            yield return $"Scanner:BaudRate '{BaudRate}' must be between 50 and 4000000";
        }
    }
}
