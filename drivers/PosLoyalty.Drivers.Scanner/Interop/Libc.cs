using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Scanner.Interop;

/// <summary>The libc calls the evdev wedge needs (Linux; values from the kernel's asm-generic headers).</summary>
internal static unsafe partial class Libc
{
    /// <summary>
    /// <c>EVIOCGRAB = _IOW('E', 0x90, int)</c> (include/uapi/linux/input.h): with argument 1 this process
    /// alone receives the device's events, so scans are not also typed into the console or a desktop.
    /// Closing the file descriptor releases the grab.
    /// </summary>
    public const uint EvIocGrab = 0x40044590;

    /// <summary><c>F_GETFL</c>, include/uapi/asm-generic/fcntl.h.</summary>
    public const int FGetFl = 3;

    /// <summary><c>F_SETFL</c>, include/uapi/asm-generic/fcntl.h.</summary>
    public const int FSetFl = 4;

    /// <summary><c>O_NONBLOCK</c> (octal 04000), the same on x86, arm and arm64.</summary>
    public const int ONonBlock = 0x800;

    /// <summary><c>EINTR</c>, include/uapi/asm-generic/errno-base.h.</summary>
    public const int EIntr = 4;

    /// <summary><c>EAGAIN</c>: no event queued on a non-blocking descriptor.</summary>
    public const int EAgain = 11;

    /// <summary><c>ENODEV</c>: the device was unplugged (evdev returns it from read after disconnect).</summary>
    public const int ENoDev = 19;

    // "libc" is resolved to the C library by the .NET runtime on Linux (glibc and musl).
    private const string LibraryName = "libc";

    /// <summary><c>int ioctl(int fd, unsigned long request, int arg)</c> for requests taking an int.</summary>
    [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlInt(int fd, nuint request, int argument);

    /// <summary><c>int fcntl(int fd, int cmd, int arg)</c>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    /// <summary><c>ssize_t read(int fd, void *buf, size_t count)</c>.</summary>
    [LibraryImport(LibraryName, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);
}
