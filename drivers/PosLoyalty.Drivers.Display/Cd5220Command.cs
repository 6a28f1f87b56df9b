namespace PosLoyalty.Drivers.Display;

/// <summary>
/// CD5220 command bytes (CD5220 VFD customer display command manual, "CD5220 mode" command list).
/// </summary>
internal enum Cd5220Command : byte
{
    /// <summary>ESC: starts <c>ESC @</c> and <c>ESC Q A/B</c>.</summary>
    Escape = 0x1B,

    /// <summary><c>ESC @</c>: initialise the display (clear, cursor home, default modes).</summary>
    Initialize = 0x40,

    /// <summary><c>FF</c>: clear the display and leave string mode.</summary>
    ClearDisplay = 0x0C,

    /// <summary><c>ESC Q</c>: string mode; followed by A (upper) or B (lower), up to 20 characters and CR.</summary>
    StringMode = 0x51,

    /// <summary><c>ESC Q A</c>: the string is the upper line.</summary>
    UpperLine = 0x41,

    /// <summary><c>ESC Q B</c>: the string is the lower line.</summary>
    LowerLine = 0x42,

    /// <summary><c>CR</c>: ends the string of <c>ESC Q A/B</c>.</summary>
    EndOfString = 0x0D,
}
