namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>c_iflag bits, asm-generic/termbits-common.h and termbits.h; meanings in termios(3).</summary>
[Flags]
internal enum InputFlags : uint
{
    None = 0,
    IGNBRK = 0x001,
    BRKINT = 0x002,
    IGNPAR = 0x004,
    PARMRK = 0x008,
    INPCK = 0x010,
    ISTRIP = 0x020,
    INLCR = 0x040,
    IGNCR = 0x080,
    ICRNL = 0x100,
    IXON = 0x0400,
    IXANY = 0x800,
    IXOFF = 0x1000,
}

/// <summary>c_oflag bits; only OPOST matters for a raw port (termios(3)).</summary>
[Flags]
internal enum OutputFlags : uint
{
    None = 0,
    OPOST = 0x01,
}

/// <summary>c_lflag bits, asm-generic/termbits.h; termios(3) "Raw mode" clears these.</summary>
[Flags]
internal enum LocalFlags : uint
{
    None = 0,
    ISIG = 0x0001,
    ICANON = 0x0002,
    ECHO = 0x0008,
    ECHONL = 0x0040,
    IEXTEN = 0x8000,
}

/// <summary>c_cflag bits, asm-generic/termbits.h (octal in the header comments of termios(3)).</summary>
[Flags]
internal enum ControlFlags : uint
{
    None = 0,

    /// <summary>Output speed field: 0o010017. With BOTHER the speed is the number in c_ospeed.</summary>
    CBAUD = 0x0000100F,
    CSIZE = 0x00000030,
    CS5 = 0x00000000,
    CS6 = 0x00000010,
    CS7 = 0x00000020,
    CS8 = 0x00000030,
    CSTOPB = 0x00000040,
    CREAD = 0x00000080,
    PARENB = 0x00000100,
    PARODD = 0x00000200,
    HUPCL = 0x00000400,
    CLOCAL = 0x00000800,

    /// <summary>0o010000: "the speed is in c_ospeed / c_ispeed", see tty_ioctl(4) TCGETS2.</summary>
    BOTHER = 0x00001000,

    /// <summary>Input speed field: CBAUD shifted by IBSHIFT (16).</summary>
    CIBAUD = 0x100F0000,

    /// <summary>BOTHER in the input speed field.</summary>
    IBOTHER = 0x10000000,
    CMSPAR = 0x40000000,
    CRTSCTS = 0x80000000,
}
