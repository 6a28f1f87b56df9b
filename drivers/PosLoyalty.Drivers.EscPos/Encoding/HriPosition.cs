namespace PosLoyalty.Drivers.EscPos;

/// <summary>Where a 1D barcode's human-readable digits are printed (GS H n); the value is n.</summary>
public enum HriPosition
{
    /// <summary>Not printed.</summary>
    None = 0,

    /// <summary>Above the bars.</summary>
    Above = 1,

    /// <summary>Below the bars.</summary>
    Below = 2,

    /// <summary>Above and below.</summary>
    Both = 3,
}
