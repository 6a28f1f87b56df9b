namespace PosLoyalty.Drivers.Display;

/// <summary>
/// Epson DM-D command bytes (Epson "ESC/POS Command Reference for Customer Display", DM-D series:
/// ESC @, CLR, US $).
/// </summary>
internal enum EpsonDmDCommand : byte
{
    /// <summary>ESC: starts <c>ESC @</c>.</summary>
    Escape = 0x1B,

    /// <summary><c>ESC @</c>: initialise the display.</summary>
    Initialize = 0x40,

    /// <summary><c>CLR</c> (FF): clear the screen and move the cursor to the upper-left position.</summary>
    ClearScreen = 0x0C,

    /// <summary>US: starts <c>US $</c>.</summary>
    UnitSeparator = 0x1F,

    /// <summary><c>US $ x y</c>: move the cursor to column x (1–20), row y (1–2).</summary>
    MoveCursor = 0x24,
}
