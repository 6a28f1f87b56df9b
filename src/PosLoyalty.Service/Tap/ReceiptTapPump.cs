using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// The in-line receipt tap (docs/architecture.md, "At the till"): POS bytes in, every byte to the printer in order and unaltered, receipts
/// decoded from the same bytes, and coupon bytes inserted just before each receipt's cut command. Printer bytes go
/// back to whichever POS link is current, unchanged (POS drivers poll status and call a silent printer offline).
/// </summary>
/// <remarks>
/// <para>
/// Per chunk read from the POS: the chunk is pushed into a decoder (one per link, chosen by the receipt profile's
/// dialect). With no receipt completed — nearly every chunk — it is enqueued to the printer whole, at once. When a
/// receipt completed at a cut inside the chunk, the bytes before the cut are enqueued and the <c>atCut</c> hook commits
/// the sale and answers with one <see cref="CutInsertion"/>: coupon bytes, which the pump queues in front of the cut,
/// or a slip, which the pump queues once the cut is queued and no receipt is open (the next chunk that ends between
/// receipts, or the link's end), or nothing. Several cuts in a chunk are split at each. The few trailing bytes of a
/// command still incomplete at the end of a chunk (the GS of a GS V split by a serial read) are held until the next
/// chunk, so a cut split across reads is still found before it has gone out: the printer could not have acted on half
/// a command anyway.
/// </para>
/// <para>
/// The pump tells the link's <see cref="ReceiptBoundary"/> when a POS receipt is open, so a slip from the pending queue
/// never lands inside one.
/// </para>
/// <para>
/// Receipts not ended by a cut — a job whose connection closed or whose FIFO/file ended without a cut (printers with a
/// tear bar), or a receipt split by the decoder's line cap — go to the optional <c>afterReceipt</c> hook once the
/// link's bytes so far are queued; what it returns is printed after them. A hook for line-cap splits should return
/// nothing.
/// </para>
/// <para>
/// A hook that throws, or is still running after <see cref="ReceiptTapPumpOptions.AtCutHookTimeout"/> (its token is
/// cancelled then), never stops the pump: it is logged and the bytes pass on without a coupon.
/// </para>
/// </remarks>
public sealed class ReceiptTapPump
{
    private readonly IPosLinkSource _source;
    private readonly PrinterLink _printer;
    private readonly Func<IReceiptDecoder> _createDecoder;
    private readonly Func<DecodedReceipt, CancellationToken, ValueTask<CutInsertion>> _atCut;
    private readonly Func<DecodedReceipt, CancellationToken, ValueTask<ReadOnlyMemory<byte>>>? _afterReceipt;
    private readonly ReceiptTapPumpOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ReceiptCaptureHub? _capture;
    private readonly Channel<byte[]> _toPos = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private volatile IPosLink? _currentLink;
    private long _bytesFromPos;
    private long _receiptCount;

    /// <summary>A pump; nothing runs until <see cref="RunAsync"/>.</summary>
    /// <param name="source">Where POS links come from.</param>
    /// <param name="printer">The printer; its writer loop runs separately.</param>
    /// <param name="createDecoder">A new decoder per link (ESC/POS or Star Line by the receipt profile).</param>
    /// <param name="atCut">Commits the sale of a receipt ended by a cut and says what to add there; it must observe its token (the hook timeout).</param>
    /// <param name="afterReceipt">Optional: a receipt not ended by a cut; returns bytes to print after it, or empty.</param>
    /// <param name="options">Tuning; defaults when null.</param>
    /// <param name="timeProvider">Clock for the hook timeout and retry waits.</param>
    /// <param name="logger">Log.</param>
    /// <param name="capture">Optional: gets each POS link's bytes once they are forwarded, for `receipts capture`.</param>
    public ReceiptTapPump(
        IPosLinkSource source,
        PrinterLink printer,
        Func<IReceiptDecoder> createDecoder,
        Func<DecodedReceipt, CancellationToken, ValueTask<CutInsertion>> atCut,
        Func<DecodedReceipt, CancellationToken, ValueTask<ReadOnlyMemory<byte>>>? afterReceipt,
        ReceiptTapPumpOptions? options,
        TimeProvider timeProvider,
        ILogger<ReceiptTapPump> logger,
        ReceiptCaptureHub? capture = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(printer);
        ArgumentNullException.ThrowIfNull(createDecoder);
        ArgumentNullException.ThrowIfNull(atCut);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _printer = printer;
        _createDecoder = createDecoder;
        _atCut = atCut;
        _afterReceipt = afterReceipt;
        _options = options ?? new ReceiptTapPumpOptions();
        _timeProvider = timeProvider;
        _logger = logger;
        _capture = capture;
    }

    /// <summary>Bytes read from the POS so far, over all links.</summary>
    public long BytesFromPos => Interlocked.Read(ref _bytesFromPos);

    /// <summary>Receipts decoded so far (cut or not).</summary>
    public long ReceiptCount => Interlocked.Read(ref _receiptCount);

    /// <summary>
    /// Takes links from the source one after another and pumps each to its end, relaying printer bytes to the current
    /// one, until cancelled or the source has ended (a capture file read through, or the source disposed). Call once,
    /// from a hosted service.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _printer.PrinterBytesReceived += OnPrinterBytes;
        using var relayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task relay = RelayToPosAsync(relayCancellation.Token);
        try
        {
            while (true)
            {
                IPosLink? link;
                try
                {
                    link = await _source.AcceptAsync(cancellationToken);
                }
                catch (Exception e) when (e is SocketException or IOException)
                {
                    _logger.TapInputOpenFailed(_source.Name, e.Message, _options.AcceptRetryDelay);
                    await Task.Delay(_options.AcceptRetryDelay, _timeProvider, cancellationToken);
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    // The source was closed under us: the tap is shutting down.
                    link = null;
                }

                if (link is null)
                {
                    _logger.TapInputEnded(_source.Name);
                    return;
                }

                await using (link)
                {
                    await PumpAsync(link, cancellationToken);
                }
            }
        }
        finally
        {
            _printer.PrinterBytesReceived -= OnPrinterBytes;
            await relayCancellation.CancelAsync();
            try
            {
                await relay;
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    /// <summary>Pumps one link until it ends or breaks; then flushes its last receipt.</summary>
    internal async Task PumpAsync(IPosLink link, CancellationToken cancellationToken)
    {
        _logger.PosLinkOpened(link.Name);
        _currentLink = link;
        var state = new LinkState(_createDecoder());
        var buffer = new byte[_options.ReadBufferBytes];
        _capture?.LinkStarted();
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await link.ReadAsync(buffer, cancellationToken);
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                {
                    _logger.PosLinkBroke(link.Name, e.Message);
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                Interlocked.Add(ref _bytesFromPos, read);
                await ProcessChunkAsync(state, buffer.AsMemory(0, read), cancellationToken);
                _capture?.Observe(buffer.AsSpan(0, read), InsideReceipt(state));
            }

            // The link has ended: held bytes were an unfinished command the printer would wait for; send them on.
            Send(state.Held);
            state.Held = ReadOnlyMemory<byte>.Empty;
            if (state.Decoder.Flush() is { } last)
            {
                Interlocked.Increment(ref _receiptCount);
                Send(await AfterReceiptAsync(last, cancellationToken));
            }

            // Nothing of this link is open any more: the slips that waited for that go now.
            SendSlips(state);
        }
        finally
        {
            // Stopping or broken: slips not written go back to their owner (their coupons stay pending).
            foreach (CutInsertion slip in state.Slips)
            {
                slip.Report(null);
            }

            state.Slips.Clear();
            _printer.Boundary.Settle(receiptOpen: false);
            _capture?.LinkEnded();
            if (ReferenceEquals(_currentLink, link))
            {
                _currentLink = null;
            }

            _logger.PosLinkEnded(link.Name, state.StreamOffset, link.DroppedToPosBytes);
        }
    }

    private async ValueTask ProcessChunkAsync(LinkState state, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        IReadOnlyList<DecodedReceipt> receipts = state.Decoder.Push(chunk.Span);
        long chunkStart = state.StreamOffset;
        state.StreamOffset += chunk.Length;

        // The bytes not yet sent: held bytes from the last chunk, then this chunk.
        ReadOnlyMemory<byte> work = chunk;
        long workStart = chunkStart;
        if (!state.Held.IsEmpty)
        {
            var joined = new byte[state.Held.Length + chunk.Length];
            state.Held.CopyTo(joined);
            chunk.CopyTo(joined.AsMemory(state.Held.Length));
            work = joined;
            workStart = chunkStart - state.Held.Length;
            state.Held = ReadOnlyMemory<byte>.Empty;
        }

        int cursor = 0;
        List<ReadOnlyMemory<byte>>? after = null;
        foreach (DecodedReceipt receipt in receipts)
        {
            Interlocked.Increment(ref _receiptCount);
            if (receipt.CutStreamOffset is long cut)
            {
                long at = cut - workStart;
                bool cutAhead = at >= cursor && at <= work.Length;
                if (cutAhead)
                {
                    Send(work[cursor..(int)at]);
                    cursor = (int)at;
                }

                CutInsertion insertion = await AtCutAsync(receipt, cancellationToken);
                switch (insertion.Place)
                {
                    case CutInsertionPlace.BeforeCut:
                        if (!cutAhead)
                        {
                            // Only when a cut command began more than MaxHeldBytes before its end: the coupon cannot go before it.
                            _logger.CutAlreadySent(cut, insertion.Bytes.Length);
                        }

                        insertion.Report(Send(insertion.Bytes));
                        break;
                    case CutInsertionPlace.SlipAfterCut:
                        state.Slips.Add(insertion);
                        break;
                    default:
                        insertion.Report(null);
                        break;
                }
            }
            else
            {
                (after ??= []).Add(await AfterReceiptAsync(receipt, cancellationToken));
            }
        }

        int holdFrom = work.Length;
        if (state.Decoder.OpenCommandStreamOffset is long open)
        {
            long at = open - workStart;
            if (at >= cursor && at < work.Length && work.Length - at <= _options.MaxHeldBytes)
            {
                holdFrom = (int)at;
            }
        }

        Send(work[cursor..holdFrom]);
        if (holdFrom < work.Length)
        {
            // Copied: the read buffer is reused for the next chunk.
            state.Held = work[holdFrom..].ToArray();
        }

        if (after is not null)
        {
            foreach (ReadOnlyMemory<byte> bytes in after)
            {
                Send(bytes);
            }
        }

        // The cuts (and whatever followed them in this chunk) are queued. A slip goes only where no receipt is open: a
        // chunk that ended inside the next receipt keeps it for a later chunk.
        if (!InsideReceipt(state))
        {
            SendSlips(state);
        }

        _printer.Boundary.Settle(InsideReceipt(state));
    }

    private void SendSlips(LinkState state)
    {
        foreach (CutInsertion slip in state.Slips)
        {
            slip.Report(SendOwn(slip.Bytes));
        }

        state.Slips.Clear();
    }

    // Anything printed since the last cut (text, a feed, the next receipt's logo), a command begun, or a payload still
    // arriving: a capture starting now would begin mid-receipt, and a slip's bytes would land in the receipt, or be read as
    // its image. What the decoder holds is no guide: after a logo it holds nothing, and after a line-cap split neither.
    private static bool InsideReceipt(LinkState state) =>
        state.Decoder.PrintedSinceCut || state.Decoder.OpenCommandStreamOffset is not null || !state.Decoder.IsInText || !state.Held.IsEmpty;

    /// <summary>Queues POS bytes (or bytes inside a POS receipt); returns the link position after them.</summary>
    private long Send(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return _printer.EnqueuedPosition;
        }

        // Before the bytes are queued: a slip from the pending queue must not slip in after them.
        _printer.Boundary.PosBytesComing();
        return SendOwn(bytes);
    }

    /// <summary>Queues bytes at a boundary between receipts (a slip of ours); returns the link position after them.</summary>
    private long SendOwn(ReadOnlyMemory<byte> bytes)
    {
        // Enqueue copies; it fails only when memory is full and the spool cannot be written. Then wait and try again
        // rather than drop: the POS's bytes stay in the kernel's buffers while this waits.
        while (true)
        {
            try
            {
                return _printer.Enqueue(bytes);
            }
            catch (IOException e)
            {
                TimeSpan retry = TimeSpan.FromSeconds(1);
                _logger.EnqueueFailed(retry, e);
                Thread.Sleep(retry);
            }
        }
    }

    private async ValueTask<CutInsertion> AtCutAsync(DecodedReceipt receipt, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.AtCutHookTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _atCut(receipt, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.AtCutHookTimedOut(_options.AtCutHookTimeout);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.AtCutHookFailed(e);
        }

        return CutInsertion.None;
    }

    private async ValueTask<ReadOnlyMemory<byte>> AfterReceiptAsync(DecodedReceipt receipt, CancellationToken cancellationToken)
    {
        if (_afterReceipt is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        try
        {
            return await _afterReceipt(receipt, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.AfterReceiptHookFailed(e);
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    private void OnPrinterBytes(ReadOnlyMemory<byte> bytes)
    {
        // The printer link reuses its buffer: copy. Replies are a few bytes; the channel never grows far.
        _toPos.Writer.TryWrite(bytes.ToArray());
    }

    private async Task RelayToPosAsync(CancellationToken cancellationToken)
    {
        await foreach (byte[] bytes in _toPos.Reader.ReadAllAsync(cancellationToken))
        {
            IPosLink? link = _currentLink;
            if (link is null)
            {
                _logger.PrinterBytesWithoutPosLink(bytes.Length);
                continue;
            }

            await link.WriteToPosAsync(bytes, cancellationToken);
        }
    }

    /// <summary>Per-link state: its decoder, how far its stream has come, and bytes held back.</summary>
    private sealed class LinkState(IReceiptDecoder decoder)
    {
        public IReceiptDecoder Decoder { get; } = decoder;

        public long StreamOffset { get; set; }

        public ReadOnlyMemory<byte> Held { get; set; } = ReadOnlyMemory<byte>.Empty;

        /// <summary>Slips whose cut is queued, waiting for a chunk that ends with no receipt open.</summary>
        public List<CutInsertion> Slips { get; } = [];
    }
}
