namespace PosLoyalty.Drivers.EscPos;

/// <summary>Underline selected by ESC - n; the value is n.</summary>
public enum UnderlineMode
{
    /// <summary>n = 0: underline off.</summary>
    None = 0,

    /// <summary>n = 1: one dot thick.</summary>
    Single = 1,

    /// <summary>n = 2: two dots thick.</summary>
    Double = 2,
}
