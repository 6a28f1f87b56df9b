namespace PosLoyalty.Service.Tap;

/// <summary>A POS link over a Stream: a serial port, a TCP connection, a gadget, FIFO or file. Owns the stream.</summary>
public sealed class StreamPosLink : IPosLink
{
    private readonly Stream _stream;
    private long _dropped;
    private int _writeBroken;

    /// <summary>Wraps <paramref name="stream"/>, which the link disposes.</summary>
    /// <param name="stream">Readable; writable too when <paramref name="hasBackChannel"/>.</param>
    /// <param name="name">For logs: a device path or the POS's endpoint (never receipt content).</param>
    /// <param name="hasBackChannel">Whether printer replies may be written back.</param>
    public StreamPosLink(Stream stream, string name, bool hasBackChannel)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _stream = stream;
        Name = name;
        HasBackChannel = hasBackChannel && stream.CanWrite;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool HasBackChannel { get; }

    /// <inheritdoc />
    public long DroppedToPosBytes => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => _stream.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public async ValueTask WriteToPosAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!HasBackChannel || Volatile.Read(ref _writeBroken) != 0)
        {
            Interlocked.Add(ref _dropped, bytes.Length);
            return;
        }

        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // The POS went away; the read side ends the link. Later replies have nobody to go to.
            Volatile.Write(ref _writeBroken, 1);
            Interlocked.Add(ref _dropped, bytes.Length);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => Name;
}
