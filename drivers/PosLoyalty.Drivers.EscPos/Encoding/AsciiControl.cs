namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// The control bytes that open ESC/POS commands.
/// Epson ESC/POS Application Programming Guide, "Command notation" (ASCII names and hex values).
/// </summary>
internal enum AsciiControl : byte
{
    /// <summary>EOT, second byte of the real-time status request DLE EOT n.</summary>
    Eot = 0x04,

    /// <summary>LF — "Print and line feed".</summary>
    LineFeed = 0x0A,

    /// <summary>DLE, first byte of the real-time commands (DLE EOT, DLE ENQ, DLE DC4).</summary>
    Dle = 0x10,

    /// <summary>ESC, first byte of most print-control commands.</summary>
    Esc = 0x1B,

    /// <summary>GS, first byte of the graphics, barcode, size and cut commands.</summary>
    Gs = 0x1D,
}
