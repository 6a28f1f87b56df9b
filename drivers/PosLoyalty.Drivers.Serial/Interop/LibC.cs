using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>
/// The libc calls the drivers make, declared once: this driver's, and those of the projects that build on it (the
/// scanner driver, the service, the test helpers), which see it through InternalsVisibleTo (docs/adr/0016).
/// "libc" resolves to libc.so.6 on glibc (the runtime special-cases the name). All calls set errno; read it with
/// <see cref="Marshal.GetLastPInvokeError"/>.
/// </summary>
/// <remarks>
/// ioctl(2) and open(2) are variadic in C. They are declared here with fixed parameters: on x86-64,
/// arm64 (Linux AAPCS64, not Apple's) and armhf, integer and pointer variadic arguments travel exactly
/// like fixed ones, so this is sound for the ABIs this driver targets.
/// </remarks>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    // open(2) returns a C int. They are not declared as returning a SafeHandle: the
    // generated marshaller reads a SafeHandle return as pointer-sized, and on x86-64 a -1 in eax arrives
    // as 0x00000000FFFFFFFF, a "valid" handle. Wrap the int with SafeFdHandle.FromResult instead.
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, OpenFlags flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    /// <summary><c>int fcntl(int fd, int cmd, int arg)</c>, fcntl(2), for the commands whose argument is an int.</summary>
    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, FcntlCommand command, int argument);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary><c>int eventfd(unsigned int initval, int flags)</c>, eventfd(2).</summary>
    [LibraryImport(Library, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initialValue, OpenFlags flags);

    /// <summary><c>int inotify_init1(int flags)</c>, inotify_init(2); IN_NONBLOCK and IN_CLOEXEC are O_NONBLOCK and O_CLOEXEC.</summary>
    [LibraryImport(Library, EntryPoint = "inotify_init1", SetLastError = true)]
    public static partial int InotifyInit(OpenFlags flags);

    /// <summary><c>int inotify_add_watch(int fd, const char *pathname, uint32_t mask)</c>, inotify_add_watch(2).</summary>
    [LibraryImport(Library, EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int InotifyAddWatch(int fd, string path, InotifyMask mask);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, Termios2* termios);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, int* value);

    /// <summary>For requests whose argument is an int passed by value (TCFLSH) or ignored (TIOCEXCL).</summary>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nint value);

    public static int Ioctl(FdLease fd, IoctlRequest request, Termios2* termios) => Ioctl(fd.Fd, (uint)request, termios);

    public static int Ioctl(FdLease fd, IoctlRequest request, int* value) => Ioctl(fd.Fd, (uint)request, value);

    public static int Ioctl(FdLease fd, IoctlRequest request, nint value) => Ioctl(fd.Fd, (uint)request, value);
}
