namespace PosLoyalty.Service.Configuration;

/// <summary>The `PosEvents` section: JSON-lines events from a POS that can send them (docs/pos-protocol.md).</summary>
public sealed class PosEventsOptions
{
    public const string Section = "PosEvents";

    /// <summary>unix:/run/posloyalty/pos.sock, tcp://HOST:PORT or a tty. Empty: not used.</summary>
    public string? Listen { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Listen);

    public IEnumerable<string> Validate()
    {
        if (IsConfigured && !(Listen!.StartsWith("unix:", StringComparison.Ordinal) || Listen.StartsWith("tcp://", StringComparison.Ordinal) || Listen.StartsWith('/')))
        {
            yield return $"PosEvents:Listen '{Listen}' is not an address (allowed: unix:/path/pos.sock, tcp://HOST:PORT, or a tty path)";
        }
    }
}
