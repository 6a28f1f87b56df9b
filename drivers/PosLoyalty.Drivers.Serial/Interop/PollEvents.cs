namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>poll(2) event bits, asm-generic/poll.h.</summary>
[Flags]
internal enum PollEvents : short
{
    None = 0,
    POLLIN = 0x001,
    POLLOUT = 0x004,
    POLLERR = 0x008,
    POLLHUP = 0x010,
    POLLNVAL = 0x020,
}
