namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>
/// ioctl request numbers from the kernel's asm-generic/ioctls.h, see tty_ioctl(4) (TIOC_LINUX(2const) on newer man-pages).
/// </summary>
/// <remarks>
/// x86-64, arm64 and armhf all use asm-generic/ioctls.h and the generic _IOC encoding
/// (dir:2 | size:14 | type:8 | nr:8), so these numbers hold on all three.
/// They differ on powerpc, mips, sparc and alpha, which this driver does not target.
/// </remarks>
internal enum IoctlRequest : uint
{
    /// <summary>Discard queued data (tcflush(3)); argument is a <see cref="FlushQueue"/> value.</summary>
    TCFLSH = 0x540B,

    /// <summary>Put the tty into exclusive mode: further open(2) calls fail with EBUSY, except with CAP_SYS_ADMIN.</summary>
    TIOCEXCL = 0x540C,

    /// <summary>Leave exclusive mode.</summary>
    TIOCNXCL = 0x540D,

    /// <summary>Read the modem lines into an int (TIOCM_* bits).</summary>
    TIOCMGET = 0x5415,

    /// <summary>Set the modem lines given as TIOCM_* bits in an int.</summary>
    TIOCMBIS = 0x5416,

    /// <summary>Clear the modem lines given as TIOCM_* bits in an int.</summary>
    TIOCMBIC = 0x5417,

    /// <summary>Bytes in the input queue (TIOCINQ is the same number).</summary>
    FIONREAD = 0x541B,

    /// <summary>_IOR('T', 0x2A, struct termios2): 0x80000000 | 44 &lt;&lt; 16 | 'T' &lt;&lt; 8 | 0x2A.</summary>
    TCGETS2 = 0x802C542A,

    /// <summary>_IOW('T', 0x2B, struct termios2): 0x40000000 | 44 &lt;&lt; 16 | 'T' &lt;&lt; 8 | 0x2B. Applies at once.</summary>
    TCSETS2 = 0x402C542B,

    /// <summary>_IOR('T', 0x40, int): whether the tty is in exclusive mode (Linux 3.8+).</summary>
    TIOCGEXCL = 0x80045440,
}
