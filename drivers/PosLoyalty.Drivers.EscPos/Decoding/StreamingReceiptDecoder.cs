namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// What the ESC/POS and Star Line Mode decoders share: the receipt being assembled, payload and tab-stop capture, the
/// stream offset of each chunk, and the Push/Flush contract of <see cref="IReceiptDecoder"/>. Each command set only
/// says how one step of its state machine reads the bytes (<see cref="Step"/>) and how it drops a half-read command.
/// </summary>
public abstract class StreamingReceiptDecoder : IReceiptDecoder
{
    /// <summary>Validates <paramref name="options"/> and sets up the parts every command set uses.</summary>
    private protected StreamingReceiptDecoder(ReceiptDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Assembler = new ReceiptAssembler(options);
        Payload = new PayloadCapture(Assembler, options);
        TabStops = new TabStopCollector(Assembler);
    }

    /// <inheritdoc />
    public int RetainedSize => Assembler.RetainedSize + Payload.RetainedSize;

    /// <inheritdoc />
    public abstract long? OpenCommandStreamOffset { get; }

    /// <inheritdoc />
    public abstract bool IsInText { get; }

    /// <inheritdoc />
    public bool PrintedSinceCut => Assembler.PrintedSinceCut;

    private protected ReceiptDecoderOptions Options { get; }

    private protected ReceiptAssembler Assembler { get; }

    private protected PayloadCapture Payload { get; }

    private protected TabStopCollector TabStops { get; }

    /// <summary>Bytes since construction before the chunk being pushed: chunk index + this = stream offset.</summary>
    private protected long ChunkStreamOffset { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<DecodedReceipt> Push(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            i = Step(bytes, i);
        }

        ChunkStreamOffset += bytes.Length;
        return Assembler.TakeCompleted();
    }

    /// <inheritdoc />
    public DecodedReceipt? Flush()
    {
        // A command cut off by the end of the stream prints nothing; the text before it still counts.
        AbandonCommand();
        Payload.Reset();
        return Assembler.Flush();
    }

    /// <summary>Reads from <paramref name="bytes"/> at <paramref name="i"/> in the current state; returns the next index (at least one further, or a new state).</summary>
    private protected abstract int Step(ReadOnlySpan<byte> bytes, int i);

    /// <summary>Back to plain text, forgetting a command only partly read.</summary>
    private protected abstract void AbandonCommand();
}
