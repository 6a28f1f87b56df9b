namespace PosLoyalty.Drivers.Display;

/// <summary>The command set a 2×20 customer pole display speaks (usually chosen with DIP switches).</summary>
public enum PoleDisplayProtocol
{
    /// <summary>
    /// CD5220 (and the many VFD poles that copy it): <c>ESC Q A</c> text <c>CR</c> writes the upper line,
    /// <c>ESC Q B</c> text <c>CR</c> the lower line, <c>FF</c> clears.
    /// </summary>
    Cd5220,

    /// <summary>
    /// Epson DM-D (DM-D110/D210 and compatibles, "ESC/POS customer display"): <c>US $ x y</c> moves the cursor,
    /// then text is written at it; <c>FF</c> clears; <c>ESC @</c> initialises.
    /// </summary>
    EpsonDmD,
}
