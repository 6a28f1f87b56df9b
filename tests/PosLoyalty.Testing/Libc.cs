using System.Runtime.InteropServices;

namespace PosLoyalty.Testing;

/// <summary>The libc calls the test helpers need: pseudo-terminals (pty(7)), poll(2), read(2), write(2), tcgetattr(3).</summary>
internal static unsafe partial class Libc
{
    public const int OpenReadWrite = 0x2;
    public const int OpenNoControllingTerminal = 0x100;
    public const int OpenCloseOnExec = 0x80000; // else every child process inherits the master and a "replug" never hangs up
    public const short PollIn = 0x1;
    public const uint LocalCanonicalMode = 0x2; // ICANON in c_lflag, termios(3)

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    public static partial int Grantpt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int Unlockpt(int fd);

    /// <summary>ptsname_r(3), the reentrant ptsname: ptsname's static buffer is not safe in parallel tests.</summary>
    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PtsnameR(int fd, byte* buffer, nuint length);

    /// <summary>tcgetattr(3) into a glibc struct termios (60 bytes; c_lflag is the fourth uint32).</summary>
    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int Tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
