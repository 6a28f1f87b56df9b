namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The byte after DLE (the real-time commands). Epson ESC/POS Command Reference, DLE EOT, DLE ENQ, DLE DC4.
/// </summary>
internal enum DleCommandByte : byte
{
    /// <summary>DLE EOT n "Transmit real-time status".</summary>
    TransmitStatus = 0x04,

    /// <summary>DLE ENQ n "Send real-time request to printer".</summary>
    RealTimeRequest = 0x05,

    /// <summary>DLE DC4 fn … "Generate pulse in real-time" (fn 1), power-off (fn 2), buzzer (fn 3), clear buffers (fn 8).</summary>
    RealTimeFunction = 0x14,
}
