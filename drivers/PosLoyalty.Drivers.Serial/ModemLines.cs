namespace PosLoyalty.Drivers.Serial;

/// <summary>
/// RS-232 control lines as reported by TIOCMGET (tty_ioctl(4)). The values are the kernel's TIOCM_*
/// bits from asm-generic/termios.h, so the driver converts by cast.
/// </summary>
[Flags]
public enum ModemLines
{
    None = 0,

    /// <summary>Data Terminal Ready, driven by us.</summary>
    Dtr = 0x002,

    /// <summary>Request To Send, driven by us (by the kernel while RTS/CTS flow control is on).</summary>
    Rts = 0x004,

    /// <summary>Clear To Send, driven by the device.</summary>
    Cts = 0x020,

    /// <summary>Data Carrier Detect, driven by the device.</summary>
    CarrierDetect = 0x040,

    /// <summary>Ring Indicator, driven by the device.</summary>
    Ring = 0x080,

    /// <summary>Data Set Ready, driven by the device; many printers drop it when offline.</summary>
    Dsr = 0x100,
}
