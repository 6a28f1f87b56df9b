using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>libc calls only the tests need: per-thread capabilities (capset(2)); the pseudo-terminal is PosLoyalty.Testing's.</summary>
internal static unsafe partial class TestNative
{
    /// <summary>linux/capability.h _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set.</summary>
    public const uint CapabilityVersion3 = 0x20080522;

    public const int CapSysAdmin = 21;

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
