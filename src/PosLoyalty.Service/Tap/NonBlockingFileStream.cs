using System.Runtime.InteropServices;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// A FIFO, USB printer gadget or file opened O_NONBLOCK, as a Stream whose async reads and writes hold no thread:
/// they try the call, and while the kernel says EAGAIN they await a timer backing off from 1 ms to
/// <see cref="MaximumPollIntervalMilliseconds"/> (the approach of PosixSerialPort). A FileStream on a FIFO would
/// block a pool thread in read(2) that neither cancellation nor Dispose can wake.
/// </summary>
internal sealed class NonBlockingFileStream : Stream
{
    private const int MaximumPollIntervalMilliseconds = 16;

    private readonly bool _canWrite;
    private int _fd;

    private NonBlockingFileStream(int fd, string path, bool canWrite)
    {
        _fd = fd;
        Path = path;
        _canWrite = canWrite;
    }

    public string Path { get; }

    public override bool CanRead => Volatile.Read(ref _fd) >= 0;

    public override bool CanWrite => _canWrite && Volatile.Read(ref _fd) >= 0;

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
        int flags = (readWrite ? NativeFile.ReadWrite : NativeFile.ReadOnly) | NativeFile.NonBlocking
            | NativeFile.NoControllingTerminal | NativeFile.CloseOnExec;
        int fd = NativeFile.Open(path, flags);
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

        int delay = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int fd = Descriptor();
            nint read = NativeFile.Read(fd, ref MemoryMarshal.GetReference(buffer.Span), (nuint)buffer.Length);
            if (read >= 0)
            {
                return (int)read;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != NativeFile.WouldBlock && errno != NativeFile.Interrupted)
            {
                throw new IOException($"Reading \"{Path}\" failed: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            ThrowIfHungUp(fd, NativeFile.PollIn);
            await Task.Delay(delay, cancellationToken);
            delay = Math.Min(delay * 2, MaximumPollIntervalMilliseconds);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_canWrite)
        {
            throw new NotSupportedException($"\"{Path}\" is open for reading only.");
        }

        int delay = 1;
        while (!buffer.IsEmpty)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int fd = Descriptor();
            nint written = NativeFile.Write(fd, ref MemoryMarshal.GetReference(buffer.Span), (nuint)buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                delay = 1;
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != NativeFile.WouldBlock && errno != NativeFile.Interrupted)
            {
                throw new IOException($"Writing \"{Path}\" failed: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            await Task.Delay(delay, cancellationToken);
            delay = Math.Min(delay * 2, MaximumPollIntervalMilliseconds);
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
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = NativeFile.Close(fd);
        }

        base.Dispose(disposing);
    }

    private int Descriptor()
    {
        int fd = Volatile.Read(ref _fd);
        ObjectDisposedException.ThrowIf(fd < 0, this);
        return fd;
    }

    /// <summary>A gadget whose USB host went away reports POLLHUP/POLLERR; a FIFO opened O_RDWR never does.</summary>
    private void ThrowIfHungUp(int fd, short events)
    {
        var descriptor = new NativeFile.PollDescriptor { Fd = fd, Events = events };
        if (NativeFile.Poll(ref descriptor, 1, 0) > 0
            && (descriptor.ReturnedEvents & (NativeFile.PollError | NativeFile.PollHangUp | NativeFile.PollInvalid)) != 0
            && (descriptor.ReturnedEvents & events) == 0)
        {
            throw new IOException($"\"{Path}\" hung up.");
        }
    }
}
