using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Drivers.Serial.Interop;

namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// A read-only stream over an evdev node opened non-blocking. FileStream cannot cancel a read blocked on a
/// character device (the read sits in the kernel until the next key), so a hosted service could not stop
/// while nobody scans; here a read that finds no event waits in the kernel through a <see cref="DescriptorWaiter"/>
/// (poll(2) with no timeout, woken by a key, an unplug — evdev reports POLLHUP — cancellation or Dispose).
/// </summary>
internal sealed class EvdevStream : Stream
{
    /// <summary>
    /// <c>EVIOCGRAB = _IOW('E', 0x90, int)</c> (include/uapi/linux/input.h): with argument 1 this process alone
    /// receives the device's events, so scans are not also typed into the console or a desktop. Closing the file
    /// descriptor releases the grab.
    /// </summary>
    private const uint EvIocGrab = 0x40044590;

    private readonly SafeFileHandle handle;
    private readonly string path;
    private readonly DescriptorWaiter waiter = new(devicePath: null);

    private EvdevStream(SafeFileHandle handle, string path)
    {
        this.handle = handle;
        this.path = path;
    }

    public override bool CanRead => !handle.IsClosed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static EvdevStream Open(string path, bool grab)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            var fd = (int)handle.DangerousGetHandle();
            var flags = LibC.Fcntl(fd, FcntlCommand.F_GETFL, 0);
            if (flags == -1 || LibC.Fcntl(fd, FcntlCommand.F_SETFL, flags | (int)OpenFlags.O_NONBLOCK) == -1)
            {
                throw Error("fcntl(O_NONBLOCK)", path, string.Empty);
            }

            if (grab && LibC.Ioctl(fd, EvIocGrab, 1) == -1)
            {
                throw Error("EVIOCGRAB", path, " EBUSY: another process grabbed it; ENOTTY/EINVAL: not an input event device.");
            }

            return new EvdevStream(handle, path);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (TryRead(buffer, out var read))
            {
                return read;
            }

            WaitReadable();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryRead(buffer.Span, out var read))
            {
                return read;
            }

            // A hang-up or error is not thrown here: the next read returns ENODEV, which ends the stream.
            _ = await waiter.WaitAsync(handle, DescriptorEvents.Readable, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            waiter.Dispose(); // wakes a pending read first; its poll(2) holds the handle until it returns
            handle.Dispose(); // close() also releases an EVIOCGRAB grab
        }

        base.Dispose(disposing);
    }

    private static IOException Error(string call, string path, string hint)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} on '{path}' failed: {new Win32Exception(errno).Message} (errno {errno}).{hint}", errno);
    }

    /// <returns>False when no event is queued (EAGAIN); 0 bytes read means the device is gone.</returns>
    private bool TryRead(Span<byte> buffer, out int read)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            while (true)
            {
                nint n;
                unsafe
                {
                    fixed (byte* p = buffer)
                    {
                        n = LibC.Read((int)handle.DangerousGetHandle(), p, (nuint)buffer.Length);
                    }
                }

                if (n >= 0)
                {
                    read = (int)n;
                    return true;
                }

                var errno = Marshal.GetLastPInvokeError();
                switch ((Errno)errno)
                {
                    case Errno.EINTR:
                        continue;
                    case Errno.EAGAIN:
                        read = 0;
                        return false;
                    case Errno.ENODEV: // evdev returns it from read after a disconnect
                        // Unplugged: report end of stream; the caller reopens when the device returns.
                        read = 0;
                        return true;
                    default:
                        throw new IOException($"read on '{path}' failed: {new Win32Exception(errno).Message} (errno {errno}).", errno);
                }
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private void WaitReadable() => _ = waiter.Wait(handle, DescriptorEvents.Readable, CancellationToken.None);
}
