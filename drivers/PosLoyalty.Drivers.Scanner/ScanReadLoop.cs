namespace PosLoyalty.Drivers.Scanner;

/// <summary>Turns the bytes of one transport read into framer input and feeds the framer.</summary>
/// <param name="read">What the transport returned.</param>
/// <param name="scans">Where the framer adds the scans it completes.</param>
internal delegate void FrameRead(ReadOnlySpan<byte> read, ICollection<Scan> scans);

/// <summary>
/// What the serial and evdev scanners share: the transport they read (and own when told to), the scans
/// framed but not yet returned, and the loop that reads until there is one. Each scanner supplies only how
/// a read becomes framer input.
/// </summary>
/// <remarks>Runs on the caller's <c>ReadAsync</c>; it starts no thread. One read at a time.</remarks>
internal sealed class ScanReadLoop : IDisposable, IAsyncDisposable
{
    private readonly object owner;
    private readonly Stream transport;
    private readonly bool shouldDispose;
    private readonly FrameRead frame;
    private readonly string endOfStreamMessage;
    private readonly PendingScans pending = new();
    private bool disposed;

    /// <param name="owner">The scanner, named by <see cref="ObjectDisposedException"/>.</param>
    /// <param name="transport">The readable stream the scanner reads.</param>
    /// <param name="shouldDispose">Whether disposing disposes <paramref name="transport"/>.</param>
    /// <param name="frame">How one read becomes framer input.</param>
    /// <param name="endOfStreamMessage">The message of the <see cref="EndOfStreamException"/> when the transport ends.</param>
    public ScanReadLoop(object owner, Stream transport, bool shouldDispose, FrameRead frame, string endOfStreamMessage)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (!transport.CanRead)
        {
            throw new ArgumentException("The transport must be readable.", nameof(transport));
        }

        this.owner = owner;
        this.transport = transport;
        this.shouldDispose = shouldDispose;
        this.frame = frame;
        this.endOfStreamMessage = endOfStreamMessage;
    }

    /// <summary>Returns the next scan, reading <paramref name="readBuffer"/>-sized chunks of the transport as needed.</summary>
    /// <exception cref="EndOfStreamException">The transport ended (device unplugged or closed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<Scan> ReadAsync(byte[] readBuffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, owner);
        while (true)
        {
            if (pending.TryTake(out var scan))
            {
                return scan;
            }

            var read = await transport.ReadAsync(readBuffer, cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException(endOfStreamMessage);
            }

            frame(readBuffer.AsSpan(0, read), pending.Sink);
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
}
