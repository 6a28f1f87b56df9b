namespace PosLoyalty.Service.Configuration;

/// <summary>The `PosEvents` section: JSON-lines events from a POS that can send them (docs/pos-protocol.md).</summary>
public sealed class PosEventsOptions
{
    public const string Section = "PosEvents";

    /// <summary>unix:/run/posloyalty/pos.sock, tcp://HOST:PORT or a tty. Empty: not used.</summary>
    public string? Listen { get; set; }

    /// <summary>Baud rate when the POS sends its events over a serial port.</summary>
    public int BaudRate { get; set; } = 9600;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Listen);

    public IEnumerable<string> Validate()
    {
        if (IsConfigured && !PosEvents.PosEventsEndpoint.TryParse(Listen, out _, out var error))
        {
            yield return $"PosEvents:Listen '{Listen}' is not an address: {error} (allowed: unix:/path/pos.sock, tcp://HOST:PORT, or a tty path)";
        }

        if (BaudRate is < 50 or > 4_000_000)
        {
            yield return $"PosEvents:BaudRate '{BaudRate}' must be between 50 and 4000000";
        }
    }
}
