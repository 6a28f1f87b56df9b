namespace PosLoyalty.Drivers.EscPos;

/// <summary>Justification selected by ESC a n; the value is n.</summary>
public enum TextAlignment
{
    /// <summary>n = 0.</summary>
    Left = 0,

    /// <summary>n = 1.</summary>
    Center = 1,

    /// <summary>n = 2.</summary>
    Right = 2,
}
