namespace PosLoyalty.Drivers.Serial;

/// <summary>What poll(2) reports for a descriptor (include/uapi/asm-generic/poll.h; the same on x86, arm and arm64).</summary>
[Flags]
public enum DescriptorEvents : short
{
    /// <summary>Nothing: the wait ended for another reason (the watched path changed).</summary>
    None = 0,

    /// <summary>POLLIN: a read will not block.</summary>
    Readable = 0x001,

    /// <summary>POLLOUT: a write will not block.</summary>
    Writable = 0x004,

    /// <summary>POLLERR.</summary>
    Error = 0x008,

    /// <summary>POLLHUP: the other end (a tty's device, a gadget's USB host) hung up.</summary>
    HangUp = 0x010,

    /// <summary>POLLNVAL: the descriptor is not open.</summary>
    Invalid = 0x020,
}
