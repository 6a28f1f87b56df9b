namespace PosLoyalty.Drivers.EscPos;

/// <summary>Whether the printer said it can print.</summary>
public enum PrinterOnlineState
{
    /// <summary>No answer: the link is one-way, broken, or the printer did not reply in time.</summary>
    Unknown,

    /// <summary>The printer answered and is online.</summary>
    Online,

    /// <summary>The printer answered and is offline (cover open, paper out, error, feeding).</summary>
    Offline,
}
