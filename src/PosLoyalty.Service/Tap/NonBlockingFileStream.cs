using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Service.Interop;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// A FIFO, USB printer gadget or file opened O_NONBLOCK, as a Stream: reads and writes try the call, and while the
/// kernel says EAGAIN they wait in the kernel through a <see cref="DescriptorWaiter"/> (poll(2) with no timeout, woken
/// by the descriptor, cancellation or Dispose), as PosixSerialPort does. A FileStream on a FIFO would block a pool
/// thread in read(2) that neither cancellation nor Dispose can wake.
/// </summary>
internal sealed class NonBlockingFileStream : Stream
{
    private readonly bool _canWrite;
    private readonly SafeFileHandle _handle;
    private readonly DescriptorWaiter _readWaiter = new(devicePath: null);
    private readonly DescriptorWaiter _writeWaiter = new(devicePath: null);

    private NonBlockingFileStream(int fd, string path, bool canWrite)
    {
        _handle = new SafeFileHandle(fd, ownsHandle: true);
        Path = path;
        _canWrite = canWrite;
    }

    public string Path { get; }

    public override bool CanRead => !_handle.IsClosed;

    public override bool CanWrite => _canWrite && !_handle.IsClosed;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException("A FIFO or device has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A FIFO or device has no position.");
        set => throw new NotSupportedException("A FIFO or device has no position.");
    }

    /// <summary>
    /// Opens <paramref name="path"/>. <paramref name="readWrite"/> opens it O_RDWR: for a gadget that is the back
    /// channel; for a FIFO it means the open never waits for a writer and reads never see end-of-file when a writer
    /// closes (fifo(7): Linux allows O_RDWR on a FIFO) — the tap keeps listening, as it does on a serial port.
    /// </summary>
    /// <exception cref="IOException">open(2) failed; the message has the path and the reason.</exception>
    public static NonBlockingFileStream Open(string path, bool readWrite, bool canWrite)
    {
        int flags = (readWrite ? Libc.ReadWrite : Libc.ReadOnly) | Libc.NonBlocking
            | Libc.NoControllingTerminal | Libc.CloseOnExec;
        int fd = Libc.Open(path, flags);
        if (fd < 0)
        {
            throw new IOException($"Cannot open \"{path}\": {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return new NonBlockingFileStream(fd, path, readWrite && canWrite);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            nint read = Call(fd => Libc.Read(fd, ref MemoryMarshal.GetReference(buffer.Span), (nuint)buffer.Length));
            if (read >= 0)
            {
                return (int)read;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.WouldBlock && errno != Libc.Interrupted)
            {
                throw new IOException($"Reading \"{Path}\" failed: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            ThrowIfHungUp(await _readWaiter.WaitAsync(_handle, DescriptorEvents.Readable, cancellationToken).ConfigureAwait(false), DescriptorEvents.Readable);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_canWrite)
        {
            throw new NotSupportedException($"\"{Path}\" is open for reading only.");
        }

        while (!buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer;
            nint written = Call(fd => Libc.Write(fd, ref MemoryMarshal.GetReference(chunk.Span), (nuint)chunk.Length));
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.WouldBlock && errno != Libc.Interrupted)
            {
                throw new IOException($"Writing \"{Path}\" failed: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            ThrowIfHungUp(await _writeWaiter.WaitAsync(_handle, DescriptorEvents.Writable, cancellationToken).ConfigureAwait(false), DescriptorEvents.Writable);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A FIFO or device cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A FIFO or device has no length.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Wakes a wait in progress first; its poll(2) holds a reference, so the descriptor closes after it.
            _readWaiter.Dispose();
            _writeWaiter.Dispose();
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>One call on the descriptor, which cannot be closed under it; errno is left for the caller.</summary>
    private nint Call(Func<int, nint> call)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            return call((int)_handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>A gadget whose USB host went away reports POLLHUP/POLLERR; a FIFO opened O_RDWR never does.</summary>
    private void ThrowIfHungUp(DescriptorEvents returned, DescriptorEvents wanted)
    {
        if ((returned & (DescriptorEvents.Error | DescriptorEvents.HangUp | DescriptorEvents.Invalid)) != 0 && (returned & wanted) == 0)
        {
            throw new IOException($"\"{Path}\" hung up.");
        }
    }
}
