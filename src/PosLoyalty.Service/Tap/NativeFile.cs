using System.Runtime.InteropServices;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// The few libc calls a FIFO or USB printer gadget needs: open(2) with O_NONBLOCK so neither opening a FIFO nor
/// reading an idle one holds a thread, poll(2) with a zero timeout, read(2), write(2), close(2). Classic DllImport
/// (no unsafe code in this project); arrays and refs are pinned by the marshaller for the duration of the call.
/// </summary>
internal static class NativeFile
{
    // asm-generic/fcntl.h, identical on x86-64, arm64 and armhf.
    public const int ReadOnly = 0x0;
    public const int ReadWrite = 0x2;
    public const int NoControllingTerminal = 0x100;
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;

    // asm-generic/errno-base.h
    public const int Interrupted = 4;
    public const int WouldBlock = 11;

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x0001;
    private const int StatxBufferSize = 256;
    private const int StatxModeOffset = 28; // __u16 stx_mode, after stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid
    private const int FileTypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int RegularFileType = 0x8000;

    /// <summary>
    /// Whether the path is a FIFO, a regular file, or something else, read with statx(2) (one struct layout on
    /// x86-64, arm64 and armhf, unlike stat). .NET has no API for the file type.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path does not exist or cannot be examined.</exception>
    public static (bool IsFifo, bool IsRegularFile) GetFileType(string path)
    {
        var buffer = new byte[StatxBufferSize];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            throw new FileNotFoundException($"Cannot examine \"{path}\": {Marshal.GetLastPInvokeErrorMessage()}", path);
        }

        int type = BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask;
        return (type == FifoType, type == RegularFileType);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int fd, ref byte buffer, nuint count);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int fd, ref byte buffer, nuint count);
}
