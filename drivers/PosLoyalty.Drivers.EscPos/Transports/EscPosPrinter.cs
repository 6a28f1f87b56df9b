namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// An ESC/POS printer on any Stream: sends bytes (from <see cref="EscPosEncoder"/> or
/// <see cref="CouponLayout"/>) and asks for status with DLE EOT. It starts no thread: a status
/// read that got no answer in time stays pending and is picked up by the next query, so no
/// reply byte is lost or read twice, and a device whose reads cannot be cancelled is never read
/// from concurrently.
/// </summary>
public sealed class EscPosPrinter : IAsyncDisposable, IDisposable
{
    private readonly Stream _transport;
    private readonly bool _shouldDispose;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _statusGate = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private readonly PrinterReplyDemultiplexer _demultiplexer = new();
    private readonly List<PrinterReply> _replies = []; // in arrival order
    private readonly byte[] _readBuffer = new byte[64];
    private Task<int>? _pendingRead;
    private TimeSpan _statusTimeout = TimeSpan.FromSeconds(1);
    private bool _disposed;

    /// <summary>A printer on a link the caller opened.</summary>
    /// <param name="transport">Written to; read for status when <see cref="Stream.CanRead"/>.</param>
    /// <param name="shouldDispose">Dispose the transport with the printer.</param>
    public EscPosPrinter(Stream transport, bool shouldDispose)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (!transport.CanWrite)
        {
            throw new ArgumentException("The printer transport cannot be written to.", nameof(transport));
        }

        _transport = transport;
        _shouldDispose = shouldDispose;
    }

    /// <summary>
    /// A printer on a device string: /dev/usb/lp0, file:PATH or tcp://HOST[:PORT]. Serial ports
    /// are opened by the host and passed to the Stream constructor.
    /// </summary>
    /// <exception cref="FormatException">The device string is not understood.</exception>
    /// <exception cref="NotSupportedException">The device is a serial port.</exception>
    /// <exception cref="PrinterConnectionException">A file or device cannot be opened.</exception>
    public EscPosPrinter(string device)
        : this(PrinterTransport.Open(PrinterDevice.Parse(device)), shouldDispose: true)
    {
    }

    /// <summary>How long to wait for each status reply before calling the status unknown. 1 s by default.</summary>
    public TimeSpan StatusTimeout
    {
        get => _statusTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _statusTimeout = value;
        }
    }

    /// <summary>The last Automatic Status Back block seen while reading status replies, if any.</summary>
    public PrinterStatus? LastAutomaticStatus { get; private set; }

    /// <summary>Sends bytes whole: a status request is never put in the middle of them.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await _transport.WriteAsync(bytes, cancellationToken);
            await _transport.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Asks DLE EOT 1, 2 and 4. Unknown — with the reason — when the link is one-way, broke
    /// (an <see cref="IOException"/> while asking or reading), or any reply did not come within
    /// <see cref="StatusTimeout"/>.
    /// </summary>
    public async Task<PrinterStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_transport.CanRead)
        {
            return PrinterStatus.Unknown("the link to the printer is one-way (opened write-only)");
        }

        await _statusGate.WaitAsync(cancellationToken);
        try
        {
            var printer = await QueryAsync(RealTimeStatusRequest.Printer, cancellationToken);
            var offlineCause = printer is null ? null : await QueryAsync(RealTimeStatusRequest.OfflineCause, cancellationToken);
            var paper = offlineCause is null ? null : await QueryAsync(RealTimeStatusRequest.PaperRollSensor, cancellationToken);
            if (paper is null)
            {
                var n = printer is null ? 1 : offlineCause is null ? 2 : 4;
                return PrinterStatus.Unknown($"no reply to DLE EOT {n} within {_statusTimeout.TotalMilliseconds:0} ms");
            }

            return PrinterStatus.FromRealTimeStatus(printer!.Value, offlineCause!.Value, paper.Value);
        }
        catch (IOException e)
        {
            // A failed read is finished; one still running must not be doubled by the next query.
            if (_pendingRead is { IsCompleted: true })
            {
                _pendingRead = null;
            }

            return PrinterStatus.Unknown($"the link to the printer failed: {e.Message}");
        }
        finally
        {
            _statusGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _disposing.CancelAsync();
        if (_shouldDispose)
        {
            await _transport.DisposeAsync();
        }

        _disposing.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _disposing.Cancel();
        if (_shouldDispose)
        {
            _transport.Dispose();
        }

        _disposing.Dispose();
    }

    /// <summary>Sends DLE EOT n and waits for its one-byte answer.</summary>
    private async Task<byte?> QueryAsync(RealTimeStatusRequest request, CancellationToken cancellationToken)
    {
        DiscardStaleReplies();
        await WriteAsync(new byte[] { (byte)AsciiControl.Dle, (byte)AsciiControl.Eot, (byte)request }, cancellationToken);

        var deadline = Environment.TickCount64 + (long)_statusTimeout.TotalMilliseconds;
        while (true)
        {
            while (_replies.Count > 0)
            {
                var reply = _replies[0];
                _replies.RemoveAt(0);
                if (reply.Kind == PrinterReplyKind.RealTimeStatus)
                {
                    return reply.Bytes.Span[0];
                }

                if (reply.Kind == PrinterReplyKind.AutomaticStatus)
                {
                    LastAutomaticStatus = reply.AutomaticStatus;
                }
            }

            var remaining = deadline - Environment.TickCount64;
            if (remaining <= 0)
            {
                return null;
            }

            var read = _pendingRead ??= _transport.ReadAsync(_readBuffer, _disposing.Token).AsTask();
            try
            {
                await read.WaitAsync(TimeSpan.FromMilliseconds(remaining), cancellationToken);
            }
            catch (TimeoutException)
            {
                // The read stays pending; the next query continues it.
                return null;
            }

            _pendingRead = null;
            var count = await read;
            if (count == 0)
            {
                return null; // end of stream: nothing more will come on this link
            }

            _demultiplexer.Push(_readBuffer.AsSpan(0, count), _replies);
        }
    }

    /// <summary>
    /// Replies that arrived after an earlier query gave up belong to that query, not this one.
    /// </summary>
    private void DiscardStaleReplies()
    {
        if (_pendingRead is { IsCompletedSuccessfully: true } done)
        {
            _pendingRead = null;
            if (done.Result > 0)
            {
                _demultiplexer.Push(_readBuffer.AsSpan(0, done.Result), _replies);
            }
        }

        foreach (var reply in _replies)
        {
            if (reply.Kind == PrinterReplyKind.AutomaticStatus)
            {
                LastAutomaticStatus = reply.AutomaticStatus;
            }
        }

        _replies.Clear();
    }
}
