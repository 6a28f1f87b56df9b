using System.Runtime.InteropServices;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// The master side of a real pseudo-terminal (pty(7)) playing the POS's serial port: the tap opens
/// <see cref="SlavePath"/> as if it were /dev/ttyUSB0. Same approach as the serial driver's tests, own copy.
/// </summary>
internal sealed unsafe partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 0x2;
    private const int NoControllingTerminal = 0x100;
    private const int CloseOnExec = 0x80000;
    private const short PollIn = 0x1;

    private int _master;

    private PseudoTerminal(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        int master = PosixOpenpt(ReadWrite | NoControllingTerminal | CloseOnExec);
        if (master < 0)
        {
            throw new InvalidOperationException($"posix_openpt: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        byte* name = stackalloc byte[128];
        if (Grantpt(master) != 0 || Unlockpt(master) != 0 || PtsnameR(master, name, 128) != 0)
        {
            string message = Marshal.GetLastPInvokeErrorMessage();
            _ = Close(master);
            throw new InvalidOperationException($"grantpt/unlockpt/ptsname_r: {message}");
        }

        return new PseudoTerminal(master, Marshal.PtrToStringUTF8((nint)name)!);
    }

    /// <summary>Sends bytes to the port as the POS would; blocks only while the slave's input queue is full.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* pointer = data)
        {
            int offset = 0;
            while (offset < data.Length)
            {
                nint written = WriteNative(_master, pointer + offset, (nuint)(data.Length - offset));
                if (written < 0)
                {
                    throw new InvalidOperationException($"write to pty master: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                offset += (int)written;
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes the port sent to the POS, or throws <see cref="TimeoutException"/>.</summary>
    public byte[] ReadExactly(int count, TimeSpan timeout)
    {
        var result = new byte[count];
        int offset = 0;
        DateTime deadline = DateTime.UtcNow + timeout;
        while (offset < count)
        {
            TimeSpan remaining = deadline - DateTime.UtcNow;
            var descriptor = new PollDescriptor { Fd = _master, Events = PollIn };
            if (remaining <= TimeSpan.Zero || Poll(&descriptor, 1, (int)remaining.TotalMilliseconds) <= 0)
            {
                throw new TimeoutException($"pty master got {offset} of {count} bytes within {timeout}.");
            }

            fixed (byte* pointer = &result[offset])
            {
                nint read = ReadNative(_master, pointer, (nuint)(count - offset));
                if (read <= 0)
                {
                    throw new InvalidOperationException($"read from pty master: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                offset += (int)read;
            }
        }

        return result;
    }

    public void Dispose()
    {
        int master = Interlocked.Exchange(ref _master, -1);
        if (master >= 0)
        {
            _ = Close(master);
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int Grantpt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int Unlockpt(int fd);

    /// <summary>ptsname_r(3): ptsname's static buffer is not safe in parallel tests.</summary>
    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static partial int PtsnameR(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
