namespace PosLoyalty.Drivers.EscPos;

/// <summary>File type bits (S_IFMT) of a path, as far as the transport cares.</summary>
internal enum UnixFileKind
{
    /// <summary>Missing, or the type could not be read (not Linux).</summary>
    Unknown,

    /// <summary>S_IFREG.</summary>
    RegularFile,

    /// <summary>S_IFCHR: /dev/usb/lp0, a tty.</summary>
    CharacterDevice,

    /// <summary>S_IFIFO: a named pipe. Opening it read-write would read back our own bytes.</summary>
    Fifo,

    /// <summary>Directory, socket, block device.</summary>
    Other,
}
