using System.Runtime.InteropServices;

namespace PosLoyalty.Testing;

/// <summary>
/// The libc calls the test helpers need that no project they build on declares: the pseudo-terminal calls (pty(7)),
/// tcgetattr(3) and kill(2). open, read, write, poll and close are the serial driver's (its Interop.LibC; docs/adr/0016).
/// </summary>
internal static unsafe partial class TestLibc
{
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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
