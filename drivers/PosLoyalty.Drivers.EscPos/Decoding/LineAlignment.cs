namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>Justification of a line (ESC a n on ESC/POS, ESC GS a n on Star Line Mode).</summary>
public enum LineAlignment
{
    /// <summary>n = 0 or 48.</summary>
    Left = 0,

    /// <summary>n = 1 or 49.</summary>
    Center = 1,

    /// <summary>n = 2 or 50.</summary>
    Right = 2,
}
