using System.Runtime.InteropServices;
using System.Text;
using PosLoyalty.Drivers.Serial.Interop;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>
/// The master side of a real pseudo-terminal (pty(7)): it plays the device. The driver under test opens
/// <see cref="SlavePath"/> as if it were /dev/ttyUSB0. Closing the master hangs the slave up, as an unplug does.
/// </summary>
internal sealed unsafe class PseudoTerminal : IDisposable
{
    private int _master;

    private PseudoTerminal(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    public string SlavePath { get; }

    public static PseudoTerminal Open()
    {
        var master = TestNative.PosixOpenpt(TestNative.O_RDWR | TestNative.O_NOCTTY | TestNative.O_CLOEXEC);
        if (master < 0)
        {
            throw new InvalidOperationException($"posix_openpt: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        var buffer = stackalloc byte[128];
        if (TestNative.Grantpt(master) != 0 || TestNative.Unlockpt(master) != 0 || TestNative.PtsnameR(master, buffer, 128) != 0)
        {
            var message = Marshal.GetLastPInvokeErrorMessage();
            _ = LibC.Close(master);
            throw new InvalidOperationException($"grantpt/unlockpt/ptsname_r: {message}");
        }

        return new PseudoTerminal(master, Marshal.PtrToStringUTF8((nint)buffer)!);
    }

    /// <summary>Sends bytes to the port, as the device would. Blocks only while the slave's input queue is full.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* pointer = data)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var written = LibC.Write(_master, pointer + offset, (nuint)(data.Length - offset));
                if (written < 0)
                {
                    throw new InvalidOperationException($"write to pty master: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                offset += (int)written;
            }
        }
    }

    public void Write(string ascii) => Write(Encoding.ASCII.GetBytes(ascii));

    /// <summary>Reads exactly <paramref name="count"/> bytes the port sent, or throws <see cref="TimeoutException"/>.</summary>
    public byte[] ReadExactly(int count, TimeSpan timeout)
    {
        var result = new byte[count];
        var offset = 0;
        var deadline = DateTime.UtcNow + timeout;
        while (offset < count)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !WaitReadable(remaining))
            {
                throw new TimeoutException($"pty master got {offset} of {count} bytes within {timeout}.");
            }

            fixed (byte* pointer = &result[offset])
            {
                var read = LibC.Read(_master, pointer, (nuint)(count - offset));
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
        var fd = new PollFd { Fd = _master, Events = PollEvents.POLLIN };
        return LibC.Poll(&fd, 1, (int)timeout.TotalMilliseconds) > 0 && (fd.ReturnedEvents & PollEvents.POLLIN) != 0;
    }

    /// <summary>Closes the master: the kernel hangs up the slave (tty_vhangup), as when a USB adapter is pulled.</summary>
    public void HangUp() => Dispose();

    public void Dispose()
    {
        var master = Interlocked.Exchange(ref _master, -1);
        if (master >= 0)
        {
            _ = LibC.Close(master);
        }
    }
}
