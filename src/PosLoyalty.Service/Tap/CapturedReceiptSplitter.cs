using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// Cuts a copy of the POS's byte stream into receipts exactly where the tap's decoder ends them: each receipt runs from
/// the end of the previous one (or the start of its link) to the last byte of its own cut. The copy is pushed through a
/// decoder of its own one byte at a time, so the byte that completes a receipt is known without the decoder having to
/// say how long its cut command was. This runs on the capture's reader, never on the tap's forwarding path.
/// </summary>
internal sealed class CapturedReceiptSplitter
{
    private readonly Func<IReceiptDecoder> _createDecoder;
    private readonly int _maxReceiptBytes;
    private readonly MemoryStream _current = new();
    private IReceiptDecoder _decoder;
    private bool _skipping;

    /// <param name="createDecoder">The tap's decoder for the receipt profile's dialect.</param>
    /// <param name="startsInsideReceipt">The first bytes are the middle of a receipt: skip to its end.</param>
    /// <param name="maxReceiptBytes">A receipt longer than this stops the capture (memory stays bounded).</param>
    public CapturedReceiptSplitter(Func<IReceiptDecoder> createDecoder, bool startsInsideReceipt, int maxReceiptBytes)
    {
        _createDecoder = createDecoder;
        _decoder = createDecoder();
        _skipping = startsInsideReceipt;
        _maxReceiptBytes = maxReceiptBytes;
    }

    /// <summary>A new POS link: a receipt boundary, with a fresh decoder as the tap has.</summary>
    public void LinkStarted()
    {
        _decoder = _createDecoder();
        _current.SetLength(0);
        _skipping = false;
    }

    /// <summary>The next bytes of the link; adds the receipts they complete, raw, to <paramref name="completed"/>.</summary>
    /// <exception cref="ReceiptCaptureException">The receipt in progress passed the size limit.</exception>
    public void Push(ReadOnlySpan<byte> chunk, List<byte[]> completed)
    {
        var from = 0;
        for (var i = 0; i < chunk.Length; i++)
        {
            if (_decoder.Push(chunk.Slice(i, 1)).Count == 0)
            {
                continue;
            }

            if (_skipping)
            {
                _skipping = false;
            }
            else
            {
                _current.Write(chunk[from..(i + 1)]);
                completed.Add(_current.ToArray());
            }

            _current.SetLength(0);
            from = i + 1;
        }

        if (!_skipping)
        {
            _current.Write(chunk[from..]);
        }

        if (_current.Length > _maxReceiptBytes)
        {
            throw new ReceiptCaptureException($"a receipt passed {_maxReceiptBytes / (1024 * 1024)} MiB without ending: the capture stops there");
        }
    }

    /// <summary>The link ended: text since the last cut is one more receipt (not ended by a cut), as the tap counts it.</summary>
    public void LinkEnded(List<byte[]> completed)
    {
        if (_decoder.Flush() is not null && !_skipping && _current.Length > 0)
        {
            completed.Add(_current.ToArray());
        }

        _current.SetLength(0);
        _skipping = false;
    }
}
