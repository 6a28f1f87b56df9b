namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// A printer reached through a path: a character device such as /dev/usb/lp0 (opened read-write
/// when the device allows, so status can be read back; write-only otherwise), a FIFO (write-only,
/// and opening waits until a reader is there), or a regular file (appended to — a capture).
/// </summary>
public static class FilePrinterTransport
{
    /// <summary>Opens the path as a printer link: a <see cref="StreamPrinterTransport"/> that owns the file.</summary>
    /// <param name="path">A device, FIFO or file.</param>
    /// <param name="createIfMissing">
    /// Create a missing path as a capture file. Off by default: an unplugged /dev/usb/lp0 must be
    /// an error, not a new regular file in /dev.
    /// </param>
    /// <exception cref="PrinterConnectionException">The path cannot be opened; the message says which and why.</exception>
    public static PrinterTransport Open(string path, bool createIfMissing = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new StreamPrinterTransport(OpenStream(path, createIfMissing), path, shouldDispose: true);
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
