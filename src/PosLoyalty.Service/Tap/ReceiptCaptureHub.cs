using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// Where `receipts capture` taps the tap (docs/adr/0012-receipt-capture-over-the-panel-socket.md): the pump tells it about
/// each POS link and hands it each chunk after forwarding it; each running <see cref="ReceiptCapture"/> gets a copy. With
/// no capture running a chunk costs one uncontended lock; with one, a copy of the chunk. The pump's forwarding never
/// waits for a capture: a capture that falls behind is stopped.
/// </summary>
public sealed class ReceiptCaptureHub
{
    /// <summary>How far a capture's reader may fall behind the tap before the capture stops.</summary>
    public const int MaxQueuedBytes = 8 * 1024 * 1024;

    /// <summary>The longest receipt a capture holds.</summary>
    public const int MaxReceiptBytes = 16 * 1024 * 1024;

    private readonly Func<IReceiptDecoder>? _createDecoder;
    private readonly Lock _gate = new();
    private readonly List<ReceiptCapture> _captures = [];
    private bool _insideReceipt;
    private bool _ended;

    /// <param name="reader">The tap's reader (its decoder cuts captures where the tap cuts receipts); null on a till without a receipt tap.</param>
    public ReceiptCaptureHub(ReceiptReader? reader)
    {
        _createDecoder = reader is null ? null : reader.CreateDecoder;
    }

    /// <summary>Whether this service has a receipt tap to capture from.</summary>
    public bool HasTap => _createDecoder is not null;

    /// <summary>Starts a capture of what the POS sends from now on.</summary>
    /// <exception cref="InvalidOperationException">There is no receipt tap (<see cref="HasTap"/> is false).</exception>
    public ReceiptCapture Start()
    {
        var create = _createDecoder ?? throw new InvalidOperationException("this service has no receipt tap (ReceiptTap:Input is not set)");
        lock (_gate)
        {
            var capture = new ReceiptCapture(this, create, _insideReceipt, MaxReceiptBytes);
            if (_ended)
            {
                capture.End(); // the tap has stopped (a capture file read through): nothing will come
            }
            else
            {
                _captures.Add(capture);
            }

            return capture;
        }
    }

    /// <summary>The pump opened a POS link: a receipt boundary.</summary>
    internal void LinkStarted()
    {
        lock (_gate)
        {
            _insideReceipt = false;
            foreach (var capture in _captures)
            {
                capture.OfferLinkStarted();
            }
        }
    }

    /// <summary>The pump has forwarded this chunk; <paramref name="insideReceipt"/>: the link is in the middle of a receipt after it.</summary>
    internal void Observe(ReadOnlySpan<byte> chunk, bool insideReceipt)
    {
        lock (_gate)
        {
            _insideReceipt = insideReceipt;
            for (var i = _captures.Count - 1; i >= 0; i--)
            {
                if (!_captures[i].Offer(chunk))
                {
                    _captures.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The pump's POS link ended (its last receipt, if any, was flushed).</summary>
    internal void LinkEnded()
    {
        lock (_gate)
        {
            _insideReceipt = false;
            foreach (var capture in _captures)
            {
                capture.OfferLinkEnded();
            }
        }
    }

    /// <summary>The tap has stopped: every running capture ends once it has read what it was given.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            foreach (var capture in _captures)
            {
                capture.End();
            }

            _captures.Clear();
        }
    }

    internal void Remove(ReceiptCapture capture)
    {
        lock (_gate)
        {
            _captures.Remove(capture);
        }

        capture.End();
    }
}
