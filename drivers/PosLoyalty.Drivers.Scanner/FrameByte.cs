namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// ASCII control bytes serial scanners frame with (e.g. Honeywell, Zebra and Datalogic programming guides,
/// "Prefix/Suffix" and "Terminator" chapters: CR, CRLF, LF or STX…ETX).
/// </summary>
internal enum FrameByte : byte
{
    /// <summary>Start of text: some scanners send it before the data.</summary>
    Stx = 0x02,

    /// <summary>End of text: a terminator.</summary>
    Etx = 0x03,

    /// <summary>Line feed: a terminator, or the second half of CRLF.</summary>
    Lf = 0x0A,

    /// <summary>Carriage return: a terminator (the factory default on most scanners).</summary>
    Cr = 0x0D,

    /// <summary>Group separator: how scanners transmit GS1 FNC1 inside the data; it is data, not framing.</summary>
    Gs = 0x1D,
}
