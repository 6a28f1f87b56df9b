namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// Single control bytes in the text stream. Epson ESC/POS Command Reference, "Print commands" and
/// "Command notation"; the Star entries from Star Line Mode Command Specifications.
/// </summary>
internal enum ControlByte : byte
{
    /// <summary>NUL: terminates GS k (function A) data and ESC D tab lists.</summary>
    Nul = 0x00,

    /// <summary>BEL: Star buzzer.</summary>
    Bel = 0x07,

    /// <summary>HT "Horizontal tab".</summary>
    HorizontalTab = 0x09,

    /// <summary>LF "Print and line feed".</summary>
    LineFeed = 0x0A,

    /// <summary>VT: Star vertical tab (feeds paper: ends the line).</summary>
    VerticalTab = 0x0B,

    /// <summary>FF "Print end position label to print starting position" / page-mode print; ends the line.</summary>
    FormFeed = 0x0C,

    /// <summary>CR "Print and carriage return" (ignored unless auto line feed is on).</summary>
    CarriageReturn = 0x0D,

    /// <summary>SO: Star "set double width".</summary>
    ShiftOut = 0x0E,

    /// <summary>SI: Star "inverted printing".</summary>
    ShiftIn = 0x0F,

    /// <summary>DLE: real-time commands (DLE EOT, DLE ENQ, DLE DC4).</summary>
    DataLinkEscape = 0x10,

    /// <summary>DC2: Star "cancel inverted printing".</summary>
    DeviceControl2 = 0x12,

    /// <summary>DC4: Star "cancel double width" (and DLE DC4 on ESC/POS).</summary>
    DeviceControl4 = 0x14,

    /// <summary>CAN "Cancel print data in page mode".</summary>
    Cancel = 0x18,

    /// <summary>SUB: Star "drive drawer 2".</summary>
    Substitute = 0x1A,

    /// <summary>ESC, first byte of most commands.</summary>
    Escape = 0x1B,

    /// <summary>FS, first byte of the Kanji/NV commands (Star: external buzzer).</summary>
    FileSeparator = 0x1C,

    /// <summary>GS, first byte of the graphics/barcode/cut commands.</summary>
    GroupSeparator = 0x1D,

    /// <summary>RS: ends the Star barcode data of ESC b.</summary>
    RecordSeparator = 0x1E,
}
