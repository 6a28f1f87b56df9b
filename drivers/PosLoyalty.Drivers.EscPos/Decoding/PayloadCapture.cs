using System.Runtime.CompilerServices;

namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// Command data that is not text, the same in both decoders: a counted payload (images, 2D codes, counted
/// barcodes) skipped by counting with at most its first bytes kept, or a barcode ended by a terminator byte
/// (ESC/POS GS k m … NUL, Star ESC b … RS) kept up to the buffer and cut off at 255 bytes. Memory is the
/// one buffer allocated up front; nothing is allocated per byte.
/// </summary>
internal sealed class PayloadCapture
{
    private const int MaxTerminatedLength = 255;

    private readonly ReceiptAssembler _assembler;
    private readonly byte[] _buffer;

    private long _remaining;
    private int _length;
    private int _limit;
    private byte _terminator;
    private byte _highestData;

    public PayloadCapture(ReceiptAssembler assembler, ReceiptDecoderOptions options)
    {
        _assembler = assembler;
        _buffer = new byte[options.MaxBarcodeDataLength + 4];
    }

    /// <summary>The most bytes a payload can keep.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Bytes read into the current payload and not yet handed on: part of the decoder's retained state.</summary>
    public int RetainedSize => _length;

    /// <summary>Whether the counted payload has been read to its end.</summary>
    public bool IsComplete => _remaining == 0;

    public BarcodeSymbology Symbology { get; private set; }

    /// <summary>Starts a counted payload of <paramref name="length"/> bytes, keeping the first <paramref name="captureLimit"/>.</summary>
    /// <returns>Whether any bytes are to be read; false when the payload is empty and already complete.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool BeginCounted(long length, int captureLimit, BarcodeSymbology symbology)
    {
        // Images, codes and downloaded glyphs alike: the receipt has begun, even if some of these only fill the
        // printer's memory. Taking one too many for printed only makes a slip wait for the next cut.
        _assembler.MarkPrinted();
        _remaining = length;
        _length = 0;
        _limit = Math.Min(captureLimit, _buffer.Length);
        Symbology = symbology;
        return length > 0;
    }

    /// <summary>Reads as much of the counted payload as <paramref name="bytes"/> holds.</summary>
    /// <returns>How many bytes were read: the payload's, never more.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TakeCounted(ReadOnlySpan<byte> bytes)
    {
        int take = (int)Math.Min(_remaining, bytes.Length);
        if (_length < _limit)
        {
            int keep = Math.Min(take, _limit - _length);
            bytes[..keep].CopyTo(_buffer.AsSpan(_length));
            _length += keep;
        }

        _remaining -= take;
        return take;
    }

    /// <summary>The bytes kept; the capture is empty afterwards (the span stays valid until the next payload).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> TakeCaptured()
    {
        int length = Math.Min(_length, _buffer.Length);
        _length = 0;
        return _buffer.AsSpan(0, length);
    }

    /// <summary>Starts barcode data ended by <paramref name="terminator"/>; a control byte or one above <paramref name="highestData"/> ends it too.</summary>
    public void BeginTerminated(BarcodeSymbology symbology, byte terminator, byte highestData)
    {
        _assembler.MarkPrinted();
        Symbology = symbology;
        _terminator = terminator;
        _highestData = highestData;
        _length = 0;
    }

    /// <summary>One byte of terminated barcode data; when the barcode ends it goes to the receipt.</summary>
    public SequenceStep ConsumeTerminated(byte b)
    {
        if (b == _terminator)
        {
            AddBarcode(TakeCaptured());
            return SequenceStep.Ended;
        }

        if (b < 0x20 || b > _highestData || _length >= MaxTerminatedLength)
        {
            // Not barcode data: the terminator is missing. The barcode ends here.
            AddBarcode(TakeCaptured());
            return SequenceStep.EndedBefore;
        }

        if (_length < _buffer.Length)
        {
            _buffer[_length] = b;
        }

        _length++;
        return SequenceStep.Continue;
    }

    /// <summary>Starts parameters ended by NUL that are skipped, not kept.</summary>
    public void BeginSkipToNul() => _length = 0;

    /// <summary>One byte of skipped parameters: NUL or the 255th byte ends them, and is used up.</summary>
    public SequenceStep SkipToNul(byte b)
    {
        if (b == 0 || ++_length >= MaxTerminatedLength)
        {
            _length = 0;
            return SequenceStep.Ended;
        }

        return SequenceStep.Continue;
    }

    /// <summary>Barcode data, decoded with the payload's symbology, to the receipt.</summary>
    public void AddBarcode(ReadOnlySpan<byte> data) => _assembler.AddBarcode(Symbology, BarcodeText.Decode(data, Symbology));

    /// <summary>The stream ended: whatever was being read is dropped.</summary>
    public void Reset()
    {
        _remaining = 0;
        _length = 0;
    }
}
