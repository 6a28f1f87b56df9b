using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>struct pollfd from poll(2): int fd; short events; short revents — 8 bytes on every Linux ABI.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public PollEvents Events;
    public PollEvents ReturnedEvents;
}
