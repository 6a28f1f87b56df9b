namespace PosLoyalty.Drivers.Serial;

/// <summary>How the two ends pace each other (termios(3): CRTSCTS in c_cflag, IXON/IXOFF in c_iflag).</summary>
public enum FlowControl
{
    /// <summary>No pacing: fine for scanners and displays, which never fill a buffer.</summary>
    None,

    /// <summary>Hardware handshake on the RTS and CTS wires; what most receipt printers want.</summary>
    RtsCts,

    /// <summary>Software handshake with XON (0x11) and XOFF (0x13) bytes; unusable for binary data.</summary>
    XonXoff,
}
