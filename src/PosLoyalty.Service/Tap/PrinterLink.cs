using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Service.Hosting;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// The tap's side of the real printer. POS bytes are <see cref="Enqueue"/>d (never blocking, never dropped: memory,
/// then a spool file) and one writer loop, <see cref="RunAsync"/>, drains them to the printer in order and unaltered.
/// When the printer cannot be opened or a write fails, the link closes, waits (capped backoff), reopens the device by
/// its name and resends from the first chunk not known written. What the printer sends back is read by a loop started
/// with each connection, interpreted for status (DLE EOT replies, ASB) and handed to <see cref="PrinterBytesReceived"/>
/// unchanged so the tap can relay it to the POS.
/// </summary>
/// <remarks>
/// A chunk whose write failed part-way is sent again whole: the printer may then print a fragment twice, which is
/// better than a gap (an image missing bytes shifts everything after it). Nothing runs until <see cref="RunAsync"/>.
/// </remarks>
public sealed class PrinterLink : IAsyncDisposable
{
    private const int ReadBufferBytes = 4096;
    private const int MaxPendingStatusRequests = 16;
    private const byte DataLinkEscape = 0x10;
    private const byte EndOfTransmission = 0x04;

    private readonly PrinterLinkOptions _options;
    private readonly PrinterDevice _device;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SpillingByteQueue _queue;
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly PriorityQueue<TaskCompletionSource, long> _waiters = new();
    private readonly PrinterReplyDemultiplexer _replies = new();
    private readonly List<PrinterReply> _replyBuffer = [];
    private readonly Queue<byte> _pendingStatusRequests = new();

    private bool _signaled;
    private long _enqueuedPosition;
    private long _writtenPosition;
    private int _running;
    private volatile bool _connected;
    private volatile bool _linkBroken;
    private string? _brokenReason;
    private bool _spoolingReported;

    private int _statusRequestScan;
    private byte? _printerStatusReply;
    private byte? _offlineCauseReply;
    private byte? _paperSensorReply;
    private PrinterStatus _status = PrinterStatus.Unknown("no reply from the printer yet");
    private bool _paperOut;
    private bool _coverOpen;

    /// <summary>A link to the printer <paramref name="options"/> names; nothing is opened until <see cref="RunAsync"/>.</summary>
    /// <exception cref="FormatException">The device string is not PrinterDevice syntax.</exception>
    public PrinterLink(PrinterLinkOptions options, TimeProvider timeProvider, ILogger<PrinterLink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _device = PrinterDevice.Parse(options.Device);
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = new SpillingByteQueue(options.SpoolDirectory, options.MemoryLimitBytes);
    }

    /// <summary>
    /// Every byte the printer sends to the host, in order, as read. The memory is valid only during the call: copy it.
    /// Called on the read loop; a handler must not block.
    /// </summary>
    public event Action<ReadOnlyMemory<byte>>? PrinterBytesReceived;

    /// <summary>
    /// The link connected, lost its printer, or the printer reported its status: what <see cref="IsConnected"/>,
    /// <see cref="PaperOut"/> and <see cref="LastStatus"/> say may have changed. Lets a watcher sleep instead of polling.
    /// Called on the link's loops; a handler must not block.
    /// </summary>
    public event Action? StateChanged;

    /// <summary>The printer's device string, canonical.</summary>
    public string DeviceName => _device.ToString();

    /// <summary>True while a connection to the printer is open and has not failed.</summary>
    public bool IsConnected => _connected && !_linkBroken;

    /// <summary>The last status the printer reported (ASB, or the answers to DLE EOT 1, 2 and 4); Unknown until it has.</summary>
    public PrinterStatus LastStatus
    {
        get
        {
            lock (_sync)
            {
                return _status;
            }
        }
    }

    /// <summary>True when the printer's last paper report said paper end (ASB, DLE EOT 4, or DLE EOT 2 bit 5).</summary>
    public bool PaperOut
    {
        get
        {
            lock (_sync)
            {
                return _paperOut;
            }
        }
    }

    /// <summary>True when the printer's last report said its cover is open (ASB, or DLE EOT 2 bit 2): it cannot print now.</summary>
    public bool CoverOpen
    {
        get
        {
            lock (_sync)
            {
                return _coverOpen;
            }
        }
    }

    /// <summary>Sequence position after the last enqueued byte (bytes enqueued since the link was made).</summary>
    public long EnqueuedPosition
    {
        get
        {
            lock (_sync)
            {
                return _enqueuedPosition;
            }
        }
    }

    /// <summary>Sequence position up to which the printer transport has accepted every byte.</summary>
    public long WrittenPosition
    {
        get
        {
            lock (_sync)
            {
                return _writtenPosition;
            }
        }
    }

    /// <summary>Whether the tap has a POS receipt open on this link; our own slips wait for its end (docs/adr/0006).</summary>
    public ReceiptBoundary Boundary { get; } = new();

    /// <summary>Bytes waiting for the printer, in memory and spooled.</summary>
    public long QueuedBytes => _queue.QueuedBytes;

    /// <summary>Bytes waiting in the spool file.</summary>
    public long SpooledBytes => _queue.SpooledBytes;

    /// <summary>The spool file while one exists.</summary>
    public string? SpoolPath => _queue.SpoolPath;

    /// <summary>Queues a copy of <paramref name="bytes"/> for the printer; never waits for the printer.</summary>
    /// <returns>The sequence position after these bytes, for <see cref="WaitWrittenAsync"/>.</returns>
    /// <exception cref="IOException">Memory was full and the spool file could not be written: the bytes are not queued.</exception>
    public long Enqueue(ReadOnlyMemory<byte> bytes)
    {
        lock (_sync)
        {
            if (bytes.IsEmpty)
            {
                return _enqueuedPosition;
            }

            _queue.Enqueue(bytes.Span);
            _enqueuedPosition += bytes.Length;
            Signal();
            return _enqueuedPosition;
        }
    }

    /// <summary>Completes when the printer transport has accepted every byte up to <paramref name="position"/>.</summary>
    public Task WaitWrittenAsync(long position, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_sync)
        {
            if (_writtenPosition >= position)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter, position);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The writer loop: opens the printer, drains the queue to it, and reconnects after failures, until
    /// <paramref name="cancellationToken"/> is cancelled. Call once, from a hosted service.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("The printer link's writer loop is already running.");
        }

        var backoff = new Backoff(_options.FirstReconnectDelay, _options.MaximumReconnectDelay);
        Stream? transport = null;
        CancellationTokenSource? readCancellation = null;
        Task readLoop = Task.CompletedTask;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (transport is null)
                {
                    try
                    {
                        transport = await OpenAsync(cancellationToken);
                    }
                    catch (Exception e) when (IsDeviceFailure(e))
                    {
                        TimeSpan delay = backoff.Next();
                        _logger.PrinterOpenFailed(DeviceName, e.Message, _queue.QueuedBytes, delay);
                        ReportSpooling();
                        RaiseStateChanged();
                        await Task.Delay(delay, _timeProvider, cancellationToken);
                        continue;
                    }

                    lock (_sync)
                    {
                        // Replies to requests sent on an earlier connection will never come.
                        _pendingStatusRequests.Clear();
                    }

                    _linkBroken = false;
                    _connected = true;
                    _logger.PrinterConnected(DeviceName);
                    RaiseStateChanged();
                    readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    readLoop = ReadLoopAsync(transport, readCancellation.Token);
                }

                if (_linkBroken)
                {
                    _logger.PrinterLinkLost(DeviceName, _brokenReason ?? "closed");
                    (transport, readCancellation) = await CloseAsync(transport, readCancellation, readLoop);
                    await Task.Delay(backoff.Next(), _timeProvider, cancellationToken);
                    continue;
                }

                if (!_queue.TryPeek(out var chunk))
                {
                    await _signal.WaitAsync(cancellationToken);
                    lock (_sync)
                    {
                        _signaled = false;
                    }

                    continue;
                }

                int scanBefore = _statusRequestScan;
                NoteStatusRequests(chunk.Span);
                try
                {
                    await transport.WriteAsync(chunk, cancellationToken);
                }
                catch (Exception e) when (IsDeviceFailure(e))
                {
                    _statusRequestScan = scanBefore;
                    TimeSpan delay = backoff.Next();
                    _logger.PrinterWriteFailed(DeviceName, e.Message, _queue.QueuedBytes, delay);
                    (transport, readCancellation) = await CloseAsync(transport, readCancellation, readLoop);
                    ReportSpooling();
                    await Task.Delay(delay, _timeProvider, cancellationToken);
                    continue;
                }

                backoff.Reset();
                Written(chunk.Length);
            }
        }
        finally
        {
            await CloseAsync(transport, readCancellation, readLoop);
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Deletes the spool; bytes still queued are lost. Stop <see cref="RunAsync"/> first.</summary>
    public ValueTask DisposeAsync()
    {
        _queue.Dispose();
        _signal.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool IsDeviceFailure(Exception e) =>
        e is IOException or SocketException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException;


    private void Signal()
    {
        // Under _sync. The writer clears the flag after waking and then looks at the queue, so no wake-up is lost.
        if (!_signaled)
        {
            _signaled = true;
            _signal.Release();
        }
    }

    private void Written(int byteCount)
    {
        lock (_sync)
        {
            _queue.TryDequeue();
            _writtenPosition += byteCount;
            while (_waiters.TryPeek(out var waiter, out long position) && position <= _writtenPosition)
            {
                _waiters.Dequeue();
                waiter.TrySetResult();
            }

            if (_queue.SpooledBytes == 0)
            {
                _spoolingReported = false;
            }
        }
    }

    private void ReportSpooling()
    {
        string? path = _queue.SpoolPath;
        long spooled = _queue.SpooledBytes;
        if (!_spoolingReported && spooled > 0 && path is not null)
        {
            _spoolingReported = true;
            _logger.PrinterSpooling(DeviceName, spooled, path);
        }
    }

    private async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        switch (_device.Kind)
        {
            case PrinterDeviceKind.Serial:
                var port = PosixSerialPort.Open(_device.Path!, new SerialPortSettings(_options.SerialBaudRate));
                return new StreamPrinterTransport(port, _device.Path!, shouldDispose: true);
            case PrinterDeviceKind.Tcp:
                var tcp = new TcpPrinterTransport(_device.Host!, _device.Port, _options.ConnectTimeout);
                try
                {
                    // Connect now: TcpPrinterTransport would otherwise connect on the first write, and the read loop
                    // must not be the one that does it.
                    await tcp.ConnectAsync(cancellationToken);
                    return tcp;
                }
                catch
                {
                    await tcp.DisposeAsync();
                    throw;
                }

            default:
                // Opening a FIFO for writing waits for its reader in open(2); keep that off the caller's thread.
                return await Task.Run(() => PrinterTransport.Open(_device), cancellationToken);
        }
    }

    private async Task<(Stream? Transport, CancellationTokenSource? ReadCancellation)> CloseAsync(
        Stream? transport, CancellationTokenSource? readCancellation, Task readLoop)
    {
        _connected = false;
        RaiseStateChanged();
        if (readCancellation is not null)
        {
            await readCancellation.CancelAsync();
        }

        if (transport is not null)
        {
            await transport.DisposeAsync();
        }

        try
        {
            await readLoop;
        }
        catch (OperationCanceledException)
        {
            // The read loop ends by cancellation: expected.
        }

        readCancellation?.Dispose();
        return (null, null);
    }

    private async Task ReadLoopAsync(Stream transport, CancellationToken cancellationToken)
    {
        if (!transport.CanRead)
        {
            return;
        }

        // A closed TCP connection reads 0; a line printer may read 0 when it has nothing to say.
        bool zeroMeansClosed = transport is TcpPrinterTransport;
        var buffer = new byte[ReadBufferBytes];
        try
        {
            while (true)
            {
                int read = await transport.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    if (zeroMeansClosed)
                    {
                        Broken("the printer closed the connection");
                    }

                    return;
                }

                Interpret(buffer.AsSpan(0, read));
                try
                {
                    PrinterBytesReceived?.Invoke(buffer.AsMemory(0, read));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.PrinterBytesHandlerFailed(DeviceName, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing.
        }
        catch (Exception e) when (IsDeviceFailure(e))
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Broken(e.Message);
            }
        }
    }

    private void RaiseStateChanged()
    {
        try
        {
            StateChanged?.Invoke();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.PrinterBytesHandlerFailed(DeviceName, e);
        }
    }

    private void Broken(string reason)
    {
        lock (_sync)
        {
            _brokenReason = reason;
            _linkBroken = true;
            Signal();
        }

        RaiseStateChanged();
    }

    /// <summary>
    /// Remembers which DLE EOT n requests go to the printer, in order, so each one-byte answer can be read by the
    /// table of its n (Epson ESC/POS Command Reference, DLE EOT). The scan does not know image payloads, so a raster
    /// image could fake a request; a wrong guess only mislabels one status answer.
    /// </summary>
    private void NoteStatusRequests(ReadOnlySpan<byte> bytes)
    {
        int state = _statusRequestScan;
        foreach (byte b in bytes)
        {
            if (state == 2 && b is >= 1 and <= 4)
            {
                lock (_sync)
                {
                    if (_pendingStatusRequests.Count < MaxPendingStatusRequests)
                    {
                        _pendingStatusRequests.Enqueue(b);
                    }
                }
            }

            state = b == DataLinkEscape ? 1 : state == 1 && b == EndOfTransmission ? 2 : 0;
        }

        _statusRequestScan = state;
    }

    private void Interpret(ReadOnlySpan<byte> bytes)
    {
        _replyBuffer.Clear();
        _replies.Push(bytes, _replyBuffer);
        bool paperOutBefore;
        bool paperOutAfter;
        lock (_sync)
        {
            paperOutBefore = _paperOut;
            foreach (var reply in _replyBuffer)
            {
                switch (reply.Kind)
                {
                    case PrinterReplyKind.AutomaticStatus:
                        _status = reply.AutomaticStatus!;
                        _paperOut = _status.PaperEnd;
                        _coverOpen = _status.CoverOpen;
                        break;
                    case PrinterReplyKind.RealTimeStatus when _pendingStatusRequests.TryDequeue(out byte request):
                        RealTimeReply(request, reply.Bytes.Span[0]);
                        break;
                    default:
                        break;
                }
            }

            paperOutAfter = _paperOut;
        }

        if (paperOutAfter != paperOutBefore)
        {
            _logger.PrinterPaperOutChanged(DeviceName, paperOutAfter);
        }

        if (_replyBuffer.Count > 0)
        {
            RaiseStateChanged();
        }
    }

    /// <summary>Under _sync. DLE EOT 4: bits 5–6 paper end; DLE EOT 2: bit 2 cover open, bit 5 stopped at paper end.</summary>
    private void RealTimeReply(byte request, byte answer)
    {
        switch (request)
        {
            case 1:
                _printerStatusReply = answer;
                break;
            case 2:
                _offlineCauseReply = answer;
                _coverOpen = (answer & 0x04) != 0;
                if ((answer & 0x20) != 0)
                {
                    _paperOut = true;
                }

                break;
            case 4:
                _paperSensorReply = answer;
                _paperOut = (answer & 0x60) != 0;
                break;
            default:
                return;
        }

        if (_printerStatusReply is byte printer && _offlineCauseReply is byte cause && _paperSensorReply is byte sensor)
        {
            _status = PrinterStatus.FromRealTimeStatus(printer, cause, sensor);
            _paperOut = _status.PaperEnd;
            _coverOpen = _status.CoverOpen;
        }
    }
}
