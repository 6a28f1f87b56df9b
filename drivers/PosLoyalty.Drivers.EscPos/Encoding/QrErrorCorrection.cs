namespace PosLoyalty.Drivers.EscPos;

/// <summary>QR error correction level; the value is n of GS ( k function 169.</summary>
public enum QrErrorCorrection
{
    /// <summary>About 7 % recoverable.</summary>
    Low = 48,

    /// <summary>About 15 % recoverable.</summary>
    Medium = 49,

    /// <summary>About 25 % recoverable.</summary>
    Quartile = 50,

    /// <summary>About 30 % recoverable.</summary>
    High = 51,
}
