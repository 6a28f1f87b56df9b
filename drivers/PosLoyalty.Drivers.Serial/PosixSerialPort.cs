using System.Runtime.InteropServices;
using PosLoyalty.Drivers.Serial.Interop;

namespace PosLoyalty.Drivers.Serial;

/// <summary>
/// A Linux serial port (/dev/ttyUSB*, /dev/ttyACM*, /dev/ttyS*, a udev symlink, or a pty) as a
/// <see cref="Stream"/>, driven through termios2 with numeric speeds.
/// </summary>
/// <remarks>
/// <para>
/// The port is opened O_NONBLOCK and put in exclusive mode (TIOCEXCL, tty_ioctl(4)). Reads and writes
/// try the call first; only when the kernel says EAGAIN does the port wait, in the kernel, through a
/// <see cref="DescriptorWaiter"/>: poll(2) with no timeout, woken by the tty, by cancellation or Dispose, or by the
/// device node (or its udev symlink) being removed. An idle port costs no wake-up. The synchronous methods
/// block the calling thread in that poll(2); the async ones block a thread of the wait's own that ends with it
/// (no pool thread, no loop of the driver's).
/// </para>
/// <para>
/// One read and one write may be outstanding at the same time (a reader loop and a writer are fine);
/// two concurrent reads, or two concurrent writes, throw <see cref="InvalidOperationException"/>.
/// </para>
/// <para>
/// When the device goes away every operation throws <see cref="SerialPortDisconnectedException"/>.
/// Dispose the port and open the path again when the device is back.
/// </para>
/// </remarks>
public sealed class PosixSerialPort : Stream
{
    private readonly SafeFdHandle _port;
    private readonly DescriptorWaiter _readWaiter;
    private readonly DescriptorWaiter _writeWaiter;
    private int _readInProgress;
    private int _writeInProgress;
    private volatile bool _disposed;

    private PosixSerialPort(string devicePath, SafeFdHandle port)
    {
        DevicePath = devicePath;
        _port = port;
        _readWaiter = new DescriptorWaiter(devicePath);
        try
        {
            _writeWaiter = new DescriptorWaiter(devicePath);
        }
        catch
        {
            _readWaiter.Dispose();
            throw;
        }
    }

    /// <summary>The path the port was opened with.</summary>
    public string DevicePath { get; }

    public override bool CanRead => !_disposed;

    public override bool CanWrite => !_disposed;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException("A serial port has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A serial port has no position.");
        set => throw new NotSupportedException("A serial port has no position.");
    }

    /// <summary>Data Terminal Ready (TIOCMGET/TIOCMBIS/TIOCMBIC). A pty has no modem lines and throws ENOTTY.</summary>
    public bool Dtr
    {
        get => (ReadModemLines() & ModemLines.Dtr) != 0;
        set => SetModemLine(ModemLines.Dtr, value);
    }

    /// <summary>Request To Send. While <see cref="FlowControl.RtsCts"/> is on, the kernel drives RTS itself.</summary>
    public bool Rts
    {
        get => (ReadModemLines() & ModemLines.Rts) != 0;
        set => SetModemLine(ModemLines.Rts, value);
    }

    /// <summary>Bytes received and not yet read (FIONREAD).</summary>
    public unsafe int BytesToRead
    {
        get
        {
            using var fd = LeasePort();
            int count;
            if (LibC.Ioctl(fd, IoctlRequest.FIONREAD, &count) < 0)
            {
                throw PortErrors.FromLastError(DevicePath, "ioctl(FIONREAD)");
            }

            return count;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> with O_RDWR|O_NOCTTY|O_NONBLOCK|O_CLOEXEC, takes it exclusively
    /// (TIOCEXCL) and applies <paramref name="settings"/> in raw mode.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    /// <exception cref="SerialPortException">
    /// The path is missing (ENOENT), not permitted (EACCES: join group dialout), in use (EBUSY), or not a tty (ENOTTY).
    /// </exception>
    public static unsafe PosixSerialPort Open(string path, SerialPortSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var port = SafeFdHandle.FromResult(
            LibC.Open(path, OpenFlags.O_RDWR | OpenFlags.O_NOCTTY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC));
        if (port.IsInvalid)
        {
            var errno = Marshal.GetLastPInvokeError();
            port.Dispose();
            throw PortErrors.FromErrno(path, "open", errno);
        }

        try
        {
            using (var fd = port.Lease())
            {
                Termios2 termios;
                if (LibC.Ioctl(fd, IoctlRequest.TCGETS2, &termios) < 0)
                {
                    // ENOTTY here means a regular file or a FIFO: say so rather than "inappropriate ioctl".
                    throw PortErrors.FromLastError(path, "ioctl(TCGETS2), is it a serial device?");
                }

                // Between open(2) and this call another process could still open the tty; TIOCEXCL
                // only refuses later opens. Root (CAP_SYS_ADMIN) is never refused (tty_ioctl(4)).
                if (LibC.Ioctl(fd, IoctlRequest.TIOCEXCL, 0) < 0)
                {
                    throw PortErrors.FromLastError(path, "ioctl(TIOCEXCL)");
                }
            }

            var serialPort = new PosixSerialPort(path, port);
            serialPort.ApplySettings(settings);
            return serialPort;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>Reads the line settings back from the kernel (TCGETS2): what the port really runs at.</summary>
    public unsafe SerialPortSettings ReadSettings()
    {
        var termios = GetTermios();
        return TermiosCodec.Decode(termios);
    }

    /// <summary>Changes the line settings at once (TCSETS2), e.g. after a printer's baud rate was changed.</summary>
    public unsafe void ApplySettings(SerialPortSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var termios = GetTermios();
        TermiosCodec.Encode(ref termios, settings);
        using var fd = LeasePort();
        if (LibC.Ioctl(fd, IoctlRequest.TCSETS2, &termios) < 0)
        {
            throw PortErrors.FromLastError(DevicePath, $"ioctl(TCSETS2, {settings})");
        }
    }

    /// <summary>The modem control lines (TIOCMGET). A pty has none and throws ENOTTY.</summary>
    public unsafe ModemLines ReadModemLines()
    {
        using var fd = LeasePort();
        int bits;
        if (LibC.Ioctl(fd, IoctlRequest.TIOCMGET, &bits) < 0)
        {
            throw PortErrors.FromLastError(DevicePath, "ioctl(TIOCMGET)");
        }

        return (ModemLines)bits;
    }

    /// <summary>Drops bytes received and not yet read (tcflush(3) TCIFLUSH), e.g. a half scan from before a restart.</summary>
    public void DiscardInput()
    {
        using var fd = LeasePort();
        if (LibC.Ioctl(fd, IoctlRequest.TCFLSH, (nint)FlushQueue.TCIFLUSH) < 0)
        {
            throw PortErrors.FromLastError(DevicePath, "ioctl(TCFLSH)");
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <summary>Blocks the calling thread until at least one byte arrives.</summary>
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        Enter(ref _readInProgress, "read");
        try
        {
            while (true)
            {
                var outcome = TryRead(buffer, out var count);
                if (outcome == IoOutcome.Done)
                {
                    return count;
                }

                ThrowIfHungUp(outcome);
                WaitBlocking(_readWaiter, DescriptorEvents.Readable);
            }
        }
        finally
        {
            Volatile.Write(ref _readInProgress, 0);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>
    /// Completes with at least one byte. Throws <see cref="SerialPortDisconnectedException"/> when the
    /// device goes away, <see cref="OperationCanceledException"/> on cancellation (no bytes are lost:
    /// a cancelled read has read nothing), <see cref="ObjectDisposedException"/> when disposed meanwhile.
    /// </summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        Enter(ref _readInProgress, "read");
        try
        {
            while (true)
            {
                var outcome = TryRead(buffer.Span, out var count);
                if (outcome == IoOutcome.Done)
                {
                    return count;
                }

                ThrowIfHungUp(outcome);
                await WaitAsync(_readWaiter, DescriptorEvents.Readable, cancellationToken);
            }
        }
        finally
        {
            Volatile.Write(ref _readInProgress, 0);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    /// <summary>Blocks the calling thread until the kernel has taken every byte.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Enter(ref _writeInProgress, "write");
        try
        {
            while (!buffer.IsEmpty)
            {
                var outcome = TryWrite(buffer, out var written);
                if (outcome == IoOutcome.Done)
                {
                    buffer = buffer[written..];
                    continue;
                }

                ThrowIfHungUp(outcome);
                WaitBlocking(_writeWaiter, DescriptorEvents.Writable);
            }
        }
        finally
        {
            Volatile.Write(ref _writeInProgress, 0);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>
    /// Completes when the kernel has taken every byte (it may still be in the UART's queue). A write
    /// cancelled part-way may have sent a prefix of <paramref name="buffer"/>.
    /// </summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        Enter(ref _writeInProgress, "write");
        try
        {
            while (!buffer.IsEmpty)
            {
                var outcome = TryWrite(buffer.Span, out var written);
                if (outcome == IoOutcome.Done)
                {
                    buffer = buffer[written..];
                    continue;
                }

                ThrowIfHungUp(outcome);
                await WaitAsync(_writeWaiter, DescriptorEvents.Writable, cancellationToken);
            }
        }
        finally
        {
            Volatile.Write(ref _writeInProgress, 0);
        }
    }

    /// <summary>Nothing to do: write(2) hands bytes straight to the kernel, there is no buffer in this class.</summary>
    public override void Flush() => ObjectDisposedException.ThrowIf(_disposed, this);

    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("A serial port cannot seek.");

    public override void SetLength(long value) =>
        throw new NotSupportedException("A serial port has no length.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;

            // Wakes a wait in progress; its poll(2) holds a lease, so the descriptor closes when it returns, never under it.
            _readWaiter.Dispose();
            _writeWaiter.Dispose();
            ReleaseExclusive();
            _port.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Enter(ref int inProgress, string operation)
    {
        if (Interlocked.Exchange(ref inProgress, 1) != 0)
        {
            throw new InvalidOperationException($"Another {operation} is already in progress on this port.");
        }
    }

    private void ThrowIfHungUp(IoOutcome outcome)
    {
        if (outcome == IoOutcome.HungUp)
        {
            throw PortErrors.Disconnected(DevicePath, "hang-up");
        }
    }

    private void ThrowIfHungUp(PollEvents revents)
    {
        if ((revents & PollEvents.POLLNVAL) != 0)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        if ((revents & (PollEvents.POLLHUP | PollEvents.POLLERR | PollEvents.POLLNVAL)) == 0)
        {
            return;
        }

        // Bytes that arrived before the hang-up are still readable; let the read loop drain them first.
        if ((revents & PollEvents.POLLIN) != 0 && BytesToReadOrZero() > 0)
        {
            return;
        }

        throw PortErrors.Disconnected(DevicePath, $"poll(2) reported {revents & ~PollEvents.POLLIN & ~PollEvents.POLLOUT}");
    }

    private int BytesToReadOrZero()
    {
        try
        {
            return BytesToRead;
        }
        catch (SerialPortException)
        {
            return 0;
        }
    }

    /// <summary>Waits in the kernel, without holding the caller's thread, until <paramref name="events"/> (or a hang-up) is reported.</summary>
    private async Task WaitAsync(DescriptorWaiter waiter, DescriptorEvents events, CancellationToken cancellationToken)
    {
        while (true)
        {
            var revents = await waiter.WaitAsync(_port, events, cancellationToken).ConfigureAwait(false);
            if (Ready(revents))
            {
                return;
            }
        }
    }

    /// <summary>Blocks the calling thread in the kernel until <paramref name="events"/> (or a hang-up) is reported.</summary>
    private void WaitBlocking(DescriptorWaiter waiter, DescriptorEvents events)
    {
        while (!Ready(waiter.Wait(_port, events, CancellationToken.None)))
        {
        }
    }

    /// <summary>True when the port reported readiness; throws on a hang-up; false when only the device node's directory changed.</summary>
    private bool Ready(DescriptorEvents revents)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfHungUp((PollEvents)revents);
        if (revents != DescriptorEvents.None)
        {
            return true;
        }

        ThrowIfDeviceNodeGone();
        return false;
    }

    /// <summary>
    /// A udev symlink (SYMLINK+="pos/scanner") or the node itself vanishes when the device does; some
    /// USB-serial drivers keep the old descriptor quiet instead of reporting POLLHUP, so look.
    /// </summary>
    private void ThrowIfDeviceNodeGone()
    {
        if (!_disposed && !File.Exists(DevicePath))
        {
            throw PortErrors.Disconnected(DevicePath, "device node removed");
        }
    }

    private unsafe IoOutcome TryRead(Span<byte> buffer, out int count)
    {
        using var fd = LeasePort();
        fixed (byte* pointer = buffer)
        {
            while (true)
            {
                var result = LibC.Read(fd.Fd, pointer, (nuint)buffer.Length);
                if (result > 0)
                {
                    count = (int)result;
                    return IoOutcome.Done;
                }

                count = 0;
                if (result == 0)
                {
                    // End of file from a tty: the kernel hung it up (tty_hangup), e.g. the USB adapter was pulled.
                    return IoOutcome.HungUp;
                }

                var errno = Marshal.GetLastPInvokeError();
                switch ((Errno)errno)
                {
                    case Errno.EINTR:
                        continue;
                    case Errno.EAGAIN:
                        return IoOutcome.WouldBlock;
                    default:
                        throw PortErrors.FromErrno(DevicePath, "read", errno);
                }
            }
        }
    }

    private unsafe IoOutcome TryWrite(ReadOnlySpan<byte> buffer, out int written)
    {
        using var fd = LeasePort();
        fixed (byte* pointer = buffer)
        {
            while (true)
            {
                var result = LibC.Write(fd.Fd, pointer, (nuint)buffer.Length);
                if (result >= 0)
                {
                    written = (int)result;
                    return result > 0 ? IoOutcome.Done : IoOutcome.WouldBlock;
                }

                written = 0;
                var errno = Marshal.GetLastPInvokeError();
                switch ((Errno)errno)
                {
                    case Errno.EINTR:
                        continue;
                    case Errno.EAGAIN:
                        return IoOutcome.WouldBlock;
                    default:
                        throw PortErrors.FromErrno(DevicePath, "write", errno);
                }
            }
        }
    }

    private unsafe Termios2 GetTermios()
    {
        using var fd = LeasePort();
        Termios2 termios;
        if (LibC.Ioctl(fd, IoctlRequest.TCGETS2, &termios) < 0)
        {
            throw PortErrors.FromLastError(DevicePath, "ioctl(TCGETS2)");
        }

        return termios;
    }

    private unsafe void SetModemLine(ModemLines line, bool on)
    {
        using var fd = LeasePort();
        var bits = (int)line;
        var request = on ? IoctlRequest.TIOCMBIS : IoctlRequest.TIOCMBIC;
        if (LibC.Ioctl(fd, request, &bits) < 0)
        {
            throw PortErrors.FromLastError(DevicePath, $"ioctl({request}, {line})");
        }
    }

    private void ReleaseExclusive()
    {
        try
        {
            using var fd = _port.Lease();

            // Best effort: the flag belongs to the tty, and the next owner should not inherit it.
            _ = LibC.Ioctl(fd, IoctlRequest.TIOCNXCL, 0);
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    private FdLease LeasePort()
    {
        try
        {
            return _port.Lease();
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(PosixSerialPort), $"The port {DevicePath} is closed.");
        }
    }

    private enum IoOutcome
    {
        Done,
        WouldBlock,
        HungUp,
    }
}
