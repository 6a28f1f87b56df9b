using System.Runtime.InteropServices;
using System.Text;
using PosLoyalty.Drivers.Serial.Interop;

namespace PosLoyalty.Testing;

/// <summary>
/// The master side of a real pseudo-terminal (pty(7)): the test holds the master and plays the device (a scanner, the
/// POS's serial port); the code under test opens <see cref="SlavePath"/> as if it were /dev/ttyUSB0. Closing the
/// master hangs the slave up, as an unplug does.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private int _master;

    private PseudoTerminal(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    /// <summary>True once someone has put the line in raw mode (the drivers do on open); the master sees the slave's termios.</summary>
    public bool IsRaw
    {
        get
        {
            byte* termios = stackalloc byte[60];
            return TestLibc.Tcgetattr(_master, termios) == 0 && (((uint*)termios)[3] & TestLibc.LocalCanonicalMode) == 0;
        }
    }

    public static PseudoTerminal Open()
    {
        // O_CLOEXEC: else every child process inherits the master and a "replug" never hangs up.
        int master = TestLibc.PosixOpenpt((int)(OpenFlags.O_RDWR | OpenFlags.O_NOCTTY | OpenFlags.O_CLOEXEC));
        if (master < 0)
        {
            throw new InvalidOperationException($"posix_openpt: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        byte* name = stackalloc byte[128];
        if (TestLibc.Grantpt(master) != 0 || TestLibc.Unlockpt(master) != 0 || TestLibc.PtsnameR(master, name, 128) != 0)
        {
            string message = Marshal.GetLastPInvokeErrorMessage();
            _ = LibC.Close(master);
            throw new InvalidOperationException($"grantpt/unlockpt/ptsname_r: {message}");
        }

        return new PseudoTerminal(master, Marshal.PtrToStringUTF8((nint)name)!);
    }

    /// <summary>Waits, up to <paramref name="timeout"/> (a bound that only catches a hang), until the line is in raw mode.</summary>
    public void WaitUntilRaw(TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!IsRaw)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{SlavePath} was not opened in raw mode within {timeout}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Sends bytes to the port, as the device would. Blocks only while the slave's input queue is full.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* pointer = data)
        {
            int offset = 0;
            while (offset < data.Length)
            {
                nint written = LibC.Write(_master, pointer + offset, (nuint)(data.Length - offset));
                if (written < 0)
                {
                    throw new InvalidOperationException($"write to pty master: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                offset += (int)written;
            }
        }
    }

    public void Write(string ascii) => Write(Encoding.ASCII.GetBytes(ascii));

    /// <summary>What the code under test wrote to the slave, waiting up to <paramref name="timeout"/> for the first byte; empty if nothing came.</summary>
    public byte[] Read(TimeSpan timeout)
    {
        if (!WaitReadable(timeout))
        {
            return [];
        }

        var buffer = new byte[4096];
        fixed (byte* pointer = buffer)
        {
            nint count = LibC.Read(_master, pointer, (nuint)buffer.Length);
            return count <= 0 ? [] : buffer[..(int)count];
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes the port sent, or throws <see cref="TimeoutException"/>.</summary>
    public byte[] ReadExactly(int count, TimeSpan timeout)
    {
        var result = new byte[count];
        int offset = 0;
        DateTime deadline = DateTime.UtcNow + timeout;
        while (offset < count)
        {
            TimeSpan remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !WaitReadable(remaining))
            {
                throw new TimeoutException($"pty master got {offset} of {count} bytes within {timeout}.");
            }

            fixed (byte* pointer = &result[offset])
            {
                nint read = LibC.Read(_master, pointer, (nuint)(count - offset));
                if (read <= 0)
                {
                    throw new InvalidOperationException($"read from pty master: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                offset += (int)read;
            }
        }

        return result;
    }

    /// <summary>Whether the port sent anything within <paramref name="timeout"/>.</summary>
    public bool WaitReadable(TimeSpan timeout)
    {
        var descriptor = new PollFd { Fd = _master, Events = PollEvents.POLLIN };
        return LibC.Poll(&descriptor, 1, (int)timeout.TotalMilliseconds) > 0 && (descriptor.ReturnedEvents & PollEvents.POLLIN) != 0;
    }

    /// <summary>Closes the master: the kernel hangs up the slave (tty_vhangup), as when a USB adapter is pulled.</summary>
    public void HangUp() => Dispose();

    public void Dispose()
    {
        int master = Interlocked.Exchange(ref _master, -1);
        if (master >= 0)
        {
            _ = LibC.Close(master);
        }
    }
}
