namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// A printer reached through a path: a character device such as /dev/usb/lp0 (opened read-write
/// when the device allows, so status can be read back; write-only otherwise), a FIFO (write-only,
/// and opening waits until a reader is there), or a regular file (appended to — a capture).
/// </summary>
public sealed class FilePrinterTransport : PrinterTransport
{
    private readonly FileStream _stream;

    /// <summary>Opens the path.</summary>
    /// <param name="path">A device, FIFO or file.</param>
    /// <param name="createIfMissing">
    /// Create a missing path as a capture file. Off by default: an unplugged /dev/usb/lp0 must be
    /// an error, not a new regular file in /dev.
    /// </param>
    /// <exception cref="PrinterConnectionException">The path cannot be opened; the message says which and why.</exception>
    public FilePrinterTransport(string path, bool createIfMissing = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        DeviceName = path;
        _stream = OpenStream(path, createIfMissing);
    }

    /// <inheritdoc />
    public override string DeviceName { get; }

    /// <inheritdoc />
    public override bool CanRead => _stream.CanRead;

    /// <inheritdoc />
    public override bool CanWrite => _stream.CanWrite;

    /// <inheritdoc />
    public override void Flush() => _stream.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _stream.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => _stream.Read(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _stream.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _stream.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _stream.Write(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _stream.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _stream.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => DeviceName;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private static FileStream OpenStream(string path, bool createIfMissing)
    {
        try
        {
            // bufferSize 0: every write goes to the device at once; nothing waits in a managed buffer.
            switch (NativeFileType.Get(path))
            {
                case UnixFileKind.CharacterDevice:
                    try
                    {
                        return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
                    }
                    catch (UnauthorizedAccessException)
                    {
                        // Write permission only (group lp with mode 0220, say): print without status.
                        return new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    }

                case UnixFileKind.Fifo:
                case UnixFileKind.Other:
                    return new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

                case UnixFileKind.RegularFile:
                    return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

                default:
                    // Missing, or not Linux: append to a file only when asked to create one.
                    return createIfMissing
                        ? new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0)
                        : new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PrinterConnectionException($"Cannot open printer device \"{path}\": {e.Message}", e);
        }
    }
}
