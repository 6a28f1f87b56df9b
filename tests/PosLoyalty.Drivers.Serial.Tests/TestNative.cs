using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>libc calls only the tests need: pseudo-terminals (pty(7)) and per-thread capabilities (capset(2)).</summary>
internal static unsafe partial class TestNative
{
    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_CLOEXEC = 0x80000;

    /// <summary>linux/capability.h _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set.</summary>
    public const uint CapabilityVersion3 = 0x20080522;

    public const int CapSysAdmin = 21;

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    public static partial int Grantpt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int Unlockpt(int fd);

    /// <summary>ptsname_r(3), the reentrant ptsname: ptsname's static buffer is not safe in parallel tests.</summary>
    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PtsnameR(int fd, byte* buffer, nuint length);

    /// <summary>capget(2); pid 0 in the header means the calling thread.</summary>
    [LibraryImport("libc", EntryPoint = "capget", SetLastError = true)]
    public static partial int Capget(CapHeader* header, CapData* data);

    /// <summary>capset(2) changes the calling thread only (capabilities are per-thread in Linux).</summary>
    [LibraryImport("libc", EntryPoint = "capset", SetLastError = true)]
    public static partial int Capset(CapHeader* header, CapData* data);

    [StructLayout(LayoutKind.Sequential)]
    public struct CapHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CapData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }
}
