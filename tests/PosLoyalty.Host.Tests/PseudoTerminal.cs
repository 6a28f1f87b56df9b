using System.Runtime.InteropServices;

namespace PosLoyalty.Host.Tests;

/// <summary>
/// A real pseudo-terminal from posix_openpt(3): the test holds the master and plays the scanner;
/// the executable under test opens the slave path as if it were /dev/ttyUSB0.
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int OpenReadWrite = 0x2;
    private const int OpenNoControllingTerminal = 0x100;
    private const int OpenCloseOnExec = 0x80000; // else every child process inherits the master and a "replug" never hangs up
    private const uint LocalCanonicalMode = 0x2; // ICANON in c_lflag, termios(3)

    private readonly int master;

    public PseudoTerminal()
    {
        master = posix_openpt(OpenReadWrite | OpenNoControllingTerminal | OpenCloseOnExec);
        if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
        {
            throw new IOException($"posix_openpt failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var name = new byte[128];
        if (ptsname_r(master, name, name.Length) != 0)
        {
            throw new IOException($"ptsname_r failed: errno {Marshal.GetLastPInvokeError()}");
        }

        SlavePath = System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
    }

    public string SlavePath { get; }

    /// <summary>True once someone has put the line in raw mode (the driver does on open); the master sees the slave's termios.</summary>
    public bool IsRaw
    {
        get
        {
            var termios = new byte[60]; // glibc struct termios; c_lflag is the fourth uint32
            return tcgetattr(master, termios) == 0 && (BitConverter.ToUInt32(termios, 12) & LocalCanonicalMode) == 0;
        }
    }

    public void WaitUntilRaw(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsRaw)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{SlavePath} was not opened in raw mode within {timeout}");
            }

            Thread.Sleep(20);
        }
    }

    public void Write(byte[] bytes)
    {
        if (write(master, bytes, bytes.Length) != bytes.Length)
        {
            throw new IOException($"write to pty master failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Reads what the program under test wrote to the slave, waiting up to <paramref name="timeout"/> for the first byte.</summary>
    public byte[] Read(TimeSpan timeout)
    {
        var descriptor = new PollDescriptor { Fd = master, Events = PollIn };
        if (poll(ref descriptor, 1, (int)timeout.TotalMilliseconds) <= 0 || (descriptor.Revents & PollIn) == 0)
        {
            return [];
        }

        var buffer = new byte[4096];
        var count = read(master, buffer, buffer.Length);
        return count <= 0 ? [] : buffer[..(int)count];
    }

    public void Dispose() => _ = close(master);

    private const short PollIn = 0x001;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(ref PollDescriptor descriptor, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, [Out] byte[] buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ptsname_r(int fd, [Out] byte[] buffer, nint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
