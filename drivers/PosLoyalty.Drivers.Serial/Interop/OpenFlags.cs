namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>open(2) flags. ARM differs from asm-generic only in O_DIRECTORY/O_NOFOLLOW/O_DIRECT/O_LARGEFILE, none used here.</summary>
[Flags]
internal enum OpenFlags
{
    O_RDWR = 0x2,

    /// <summary>Do not let the tty become our controlling terminal (a hang-up would then send SIGHUP).</summary>
    O_NOCTTY = 0x100,

    /// <summary>open(2) must not wait for carrier detect; reads and writes return EAGAIN instead of blocking.</summary>
    O_NONBLOCK = 0x800,

    /// <summary>Child processes must not inherit the port.</summary>
    O_CLOEXEC = 0x80000,
}
