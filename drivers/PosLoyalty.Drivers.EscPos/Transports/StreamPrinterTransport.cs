namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Any two-way Stream as a printer link — typically the serial port the host opened with
/// PosLoyalty.Drivers.Serial — with explicit ownership.
/// </summary>
public sealed class StreamPrinterTransport : PrinterTransport
{
    private readonly Stream _inner;
    private readonly bool _shouldDispose;

    /// <summary>Wraps a stream.</summary>
    /// <param name="inner">The link.</param>
    /// <param name="deviceName">Its name for messages, e.g. /dev/ttyUSB0.</param>
    /// <param name="shouldDispose">Dispose <paramref name="inner"/> with this transport.</param>
    public StreamPrinterTransport(Stream inner, string deviceName, bool shouldDispose)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceName);
        _inner = inner;
        DeviceName = deviceName;
        _shouldDispose = shouldDispose;
    }

    /// <inheritdoc />
    public override string DeviceName { get; }

    /// <inheritdoc />
    public override bool CanRead => _inner.CanRead;

    /// <inheritdoc />
    public override bool CanWrite => _inner.CanWrite;

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => DeviceName;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _shouldDispose)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
