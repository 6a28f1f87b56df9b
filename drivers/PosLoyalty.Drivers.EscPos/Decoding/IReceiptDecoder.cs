namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// A streaming decoder from printer bytes to receipts. Bytes arrive in chunks of any size; a command
/// may be split across chunks. A receipt is complete when the printer is told to cut the paper.
/// Implementations never throw on malformed input, run in time linear in the input and keep bounded state.
/// </summary>
public interface IReceiptDecoder
{
    /// <summary>
    /// Decodes the next chunk of the stream. Returns the receipts completed by this chunk (usually none,
    /// sometimes one, more if the chunk holds several cuts), in stream order.
    /// </summary>
    IReadOnlyList<DecodedReceipt> Push(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// Ends the stream: text seen since the last cut becomes a final receipt (not ended by a cut) if it
    /// holds anything printable. Returns null when there is nothing to report. The decoder can go on being used.
    /// </summary>
    DecodedReceipt? Flush();

    /// <summary>
    /// When the stream so far ends inside a command's prefix or fixed arguments (ESC, GS V, GS V 65, Star ESC d …),
    /// the stream offset of that command's first byte; null in text or inside a payload. A printer cannot act on a
    /// command until it is complete, so a tap may hold these few bytes back until the next chunk: then a cut split
    /// across chunks can still have bytes inserted before it (<see cref="DecodedReceipt.CutStreamOffset"/>).
    /// </summary>
    long? OpenCommandStreamOffset { get; }

    /// <summary>
    /// True when the stream so far ends in plain text: not inside a command, nor inside its payload (an image's raster
    /// data, a barcode's bytes), nor in Star raster mode. Bytes of another job written now would be read as text, not
    /// swallowed as arguments or image data.
    /// </summary>
    bool IsInText { get; }

    /// <summary>
    /// True when anything has gone to the paper since the last cut (or the stream's start, or <see cref="Flush"/>): text,
    /// a line feed, an image's or a barcode's data. Then the stream is inside a receipt even when no text is held — just
    /// after the next receipt's logo, say — and another job's bytes written now would land in it. ESC @, status
    /// requests and the cash-drawer kick print nothing and leave it false.
    /// </summary>
    bool PrintedSinceCut { get; }

    /// <summary>
    /// How many characters, lines and buffered payload bytes the decoder holds right now: a measure
    /// of its retained state, bounded by the caps in <see cref="ReceiptDecoderOptions"/>.
    /// </summary>
    int RetainedSize { get; }
}
