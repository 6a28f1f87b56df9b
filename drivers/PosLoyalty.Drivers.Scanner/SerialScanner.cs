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
    private readonly Stream transport;
    private readonly bool shouldDispose;
    private readonly byte[] readBuffer = new byte[256];
    private readonly List<Scan> pending = [];
    private int pendingIndex;
    private bool disposed;

    /// <summary>Creates a scanner reading <paramref name="transport"/>.</summary>
    /// <param name="transport">The byte stream from the scanner.</param>
    /// <param name="shouldDispose">Whether disposing the scanner disposes <paramref name="transport"/>.</param>
    /// <param name="options">Framing options; defaults when null.</param>
    /// <param name="timeProvider">Clock for timeouts, debounce and <see cref="Scan.At"/>; the system clock when null.</param>
    public SerialScanner(Stream transport, bool shouldDispose, ScanFramerOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (!transport.CanRead)
        {
            throw new ArgumentException("The transport must be readable.", nameof(transport));
        }

        this.transport = transport;
        this.shouldDispose = shouldDispose;
        Framer = new ScanFramer(options ?? new ScanFramerOptions(), timeProvider ?? TimeProvider.System);
    }

    /// <summary>The framer this scanner feeds; read its counters to log dropped frames.</summary>
    public ScanFramer Framer { get; }

    /// <summary>Returns the next scan, reading the transport as needed.</summary>
    /// <exception cref="EndOfStreamException">The transport ended (device unplugged or closed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<Scan> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (true)
        {
            if (TryTakePending(out var scan))
            {
                return scan;
            }

            var read = await transport.ReadAsync(readBuffer, cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("The scanner's transport ended: the device was unplugged or closed.");
            }

            Framer.Feed(readBuffer.AsSpan(0, read), pending);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (shouldDispose)
        {
            transport.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (shouldDispose)
        {
            await transport.DisposeAsync();
        }
    }

    private bool TryTakePending(out Scan scan)
    {
        if (pendingIndex < pending.Count)
        {
            scan = pending[pendingIndex++];
            if (pendingIndex == pending.Count)
            {
                pending.Clear();
                pendingIndex = 0;
            }

            return true;
        }

        scan = null!;
        return false;
    }
}
