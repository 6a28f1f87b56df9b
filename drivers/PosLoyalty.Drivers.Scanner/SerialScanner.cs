namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// A barcode scanner on a serial line (RS-232, USB CDC-ACM or USB-serial). Reads the transport and returns
/// one <see cref="Scan"/> per call; the read loop lives in the caller, the driver starts no threads.
/// </summary>
/// <remarks>
/// The transport is any readable <see cref="Stream"/>: a tty opened and configured by the serial driver, a
/// socket, a pipe. One <see cref="ReadAsync"/> at a time.
/// </remarks>
public sealed class SerialScanner : IDisposable, IAsyncDisposable
{
    private readonly ScanReadLoop reader;
    private readonly byte[] readBuffer = new byte[256];

    /// <summary>Creates a scanner reading <paramref name="transport"/>.</summary>
    /// <param name="transport">The byte stream from the scanner.</param>
    /// <param name="shouldDispose">Whether disposing the scanner disposes <paramref name="transport"/>.</param>
    /// <param name="options">Framing options; defaults when null.</param>
    /// <param name="timeProvider">Clock for timeouts, debounce and <see cref="Scan.At"/>; the system clock when null.</param>
    public SerialScanner(Stream transport, bool shouldDispose, ScanFramerOptions? options = null, TimeProvider? timeProvider = null)
    {
        reader = new ScanReadLoop(
            this,
            transport,
            shouldDispose,
            FrameBytes,
            "The scanner's transport ended: the device was unplugged or closed.");
        Framer = new ScanFramer(options ?? new ScanFramerOptions(), timeProvider ?? TimeProvider.System);
    }

    /// <summary>The framer this scanner feeds; read its counters to log dropped frames.</summary>
    public ScanFramer Framer { get; }

    /// <summary>Returns the next scan, reading the transport as needed.</summary>
    /// <exception cref="EndOfStreamException">The transport ended (device unplugged or closed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<Scan> ReadAsync(CancellationToken cancellationToken = default) =>
        reader.ReadAsync(readBuffer, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => reader.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => reader.DisposeAsync();

    // A serial scanner sends the characters themselves: they go to the framer as read.
    private void FrameBytes(ReadOnlySpan<byte> read, ICollection<Scan> scans) => Framer.Feed(read, scans);
}
