using System.Threading.Channels;
using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// One running capture (from <see cref="ReceiptCaptureHub.Start"/>): a copy of what the POS sends, cut into receipts and
/// masked on this reader's side. The tap only hands over copies of its chunks; if this reader falls more than
/// <see cref="ReceiptCaptureHub.MaxQueuedBytes"/> behind, the capture stops rather than hold up or grow without bound.
/// Dispose to end it.
/// </summary>
public sealed class ReceiptCapture : IDisposable
{
    private readonly ReceiptCaptureHub _hub;
    private readonly Channel<Item> _items = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CapturedReceiptSplitter _splitter;
    private readonly Queue<byte[]> _ready = new();
    private readonly List<byte[]> _completed = [];
    private long _queuedBytes;

    internal ReceiptCapture(ReceiptCaptureHub hub, Func<IReceiptDecoder> createDecoder, bool startsInsideReceipt, int maxReceiptBytes)
    {
        _hub = hub;
        SkipsReceiptInProgress = startsInsideReceipt;
        _splitter = new CapturedReceiptSplitter(createDecoder, startsInsideReceipt, maxReceiptBytes);
    }

    private enum ItemKind
    {
        LinkStarted,
        Bytes,
        LinkEnded,
    }

    /// <summary>A receipt was being printed when the capture began: it is skipped, and the capture starts after it.</summary>
    public bool SkipsReceiptInProgress { get; }

    /// <summary>The next receipt, masked; null when the tap has stopped.</summary>
    /// <exception cref="ReceiptCaptureException">The capture fell too far behind, or a receipt was too large.</exception>
    public async ValueTask<CapturedReceipt?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_ready.TryDequeue(out var raw))
            {
                var masked = CapturedReceiptMasker.Mask(raw);
                return new CapturedReceipt(raw, masked);
            }

            bool more;
            try
            {
                more = await _items.Reader.WaitToReadAsync(cancellationToken);
            }
            catch (ChannelClosedException ex) when (ex.InnerException is ReceiptCaptureException failure)
            {
                throw new ReceiptCaptureException(failure.Message, failure);
            }

            if (!more)
            {
                return null;
            }

            while (_items.Reader.TryRead(out var item))
            {
                Take(item);
            }
        }
    }

    public void Dispose() => _hub.Remove(this);

    /// <summary>From the tap, under the hub's lock. False when this capture has fallen too far behind.</summary>
    internal bool Offer(ReadOnlySpan<byte> chunk)
    {
        if (Interlocked.Add(ref _queuedBytes, chunk.Length) > ReceiptCaptureHub.MaxQueuedBytes)
        {
            _items.Writer.TryComplete(new ReceiptCaptureException(
                $"the capture fell more than {ReceiptCaptureHub.MaxQueuedBytes / (1024 * 1024)} MiB behind the till: it stops there (the till was not held up)"));
            return false;
        }

        return _items.Writer.TryWrite(new Item(ItemKind.Bytes, chunk.ToArray()));
    }

    internal void OfferLinkStarted() => _items.Writer.TryWrite(new Item(ItemKind.LinkStarted, null));

    internal void OfferLinkEnded() => _items.Writer.TryWrite(new Item(ItemKind.LinkEnded, null));

    /// <summary>The tap has stopped: what is queued is still read, then <see cref="NextAsync"/> answers null.</summary>
    internal void End() => _items.Writer.TryComplete();

    private void Take(Item item)
    {
        switch (item.Kind)
        {
            case ItemKind.LinkStarted:
                _splitter.LinkStarted();
                break;
            case ItemKind.LinkEnded:
                _splitter.LinkEnded(_completed);
                break;
            default:
                Interlocked.Add(ref _queuedBytes, -item.Bytes!.Length);
                _splitter.Push(item.Bytes, _completed);
                break;
        }

        foreach (var receipt in _completed)
        {
            _ready.Enqueue(receipt);
        }

        _completed.Clear();
    }

    private readonly record struct Item(ItemKind Kind, byte[]? Bytes);
}
