namespace PosLoyalty.Drivers.EscPos;

/// <summary>How the host reaches a printer named by a device string.</summary>
public enum PrinterDeviceKind
{
    /// <summary>A path opened as a file: a capture file, a FIFO, a character device (read when it allows).</summary>
    File,

    /// <summary>A USB printer-class device, /dev/usb/lp0 or /dev/lp0: written, and read for status when the printer answers.</summary>
    LinePrinter,

    /// <summary>A raw TCP socket, usually port 9100.</summary>
    Tcp,

    /// <summary>A serial port: the host opens it (PosLoyalty.Drivers.Serial) and passes the Stream to <see cref="EscPosPrinter"/>.</summary>
    Serial,
}
