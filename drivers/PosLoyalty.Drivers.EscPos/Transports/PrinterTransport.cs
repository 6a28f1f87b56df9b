namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// A link to a printer, as a non-seekable <see cref="Stream"/>: writes go to the printer, reads
/// return what it sends back (status replies, ASB, XON/XOFF) when the link is two-way
/// (<see cref="Stream.CanRead"/>). Because it is a Stream, a serial port from another driver
/// serves just as well — <see cref="EscPosPrinter"/> takes any Stream.
/// </summary>
public abstract class PrinterTransport : Stream
{
    /// <summary>The device string this link was opened from, for messages and logs.</summary>
    public abstract string DeviceName { get; }

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("A printer link has no length.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("A printer link has no position.");
        set => throw new NotSupportedException("A printer link has no position.");
    }

    /// <summary>
    /// Opens a file, line-printer or TCP device (TCP connects on first use). A missing path
    /// outside /dev is created as a capture file; a missing device is an error. Serial ports are opened by the host (the
    /// termios driver) and passed to <see cref="EscPosPrinter"/> as a Stream.
    /// </summary>
    /// <exception cref="NotSupportedException">A serial device.</exception>
    /// <exception cref="IOException">A file or device could not be opened.</exception>
    public static PrinterTransport Open(PrinterDevice device, TimeSpan? connectTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Kind switch
        {
            PrinterDeviceKind.LinePrinter => FilePrinterTransport.Open(device.Path!),
            PrinterDeviceKind.File => FilePrinterTransport.Open(device.Path!, createIfMissing: !device.Path!.StartsWith("/dev/", StringComparison.Ordinal)),
            PrinterDeviceKind.Tcp => new TcpPrinterTransport(device.Host!, device.Port, connectTimeout),
            PrinterDeviceKind.Serial => throw new NotSupportedException(
                $"\"{device}\" is a serial port: open it with PosLoyalty.Drivers.Serial and pass the Stream to EscPosPrinter."),
            _ => throw new ArgumentOutOfRangeException(nameof(device), device.Kind, "Unknown device kind."),
        };
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A printer link cannot seek.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("A printer link has no length.");
}
