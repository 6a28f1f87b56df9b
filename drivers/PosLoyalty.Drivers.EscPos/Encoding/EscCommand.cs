namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Second byte of the ESC-prefixed commands the encoder emits.
/// Epson ESC/POS Command Reference (Application Programming Guide, "Command list").
/// </summary>
internal enum EscCommand : byte
{
    /// <summary>ESC - n — "Turn underline mode on/off" (n = 0, 1, 2 dots). Print characters.</summary>
    Underline = 0x2D,

    /// <summary>ESC @ — "Initialize printer": clears the buffer and resets modes to power-on values. Miscellaneous.</summary>
    Initialize = 0x40,

    /// <summary>ESC E n — "Turn emphasized mode on/off" (LSB of n). Print characters.</summary>
    Emphasized = 0x45,

    /// <summary>ESC a n — "Select justification" (0 left, 1 centred, 2 right). Print position.</summary>
    Justification = 0x61,

    /// <summary>ESC d n — "Print and feed n lines". Paper feed.</summary>
    PrintAndFeedLines = 0x64,

    /// <summary>ESC p m t1 t2 — "Generate pulse" on the drawer kick-out connector. Mechanism control.</summary>
    GeneratePulse = 0x70,

    /// <summary>ESC t n — "Select character code table". Print characters.</summary>
    SelectCodeTable = 0x74,
}
