namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// One receipt as the printer would have printed it: its text lines, in order, with their style, and
/// the payloads of the barcodes and 2D codes printed on it.
/// </summary>
/// <param name="Lines">Text lines; blank lines before the first and after the last printed line are dropped.</param>
/// <param name="Barcodes">Barcode and 2D-code payloads, in the order printed.</param>
/// <param name="EndedByCut">True when a cut command ended the receipt; false when it was flushed at the end of
/// the stream or split because it reached the line cap.</param>
public sealed record DecodedReceipt(
    IReadOnlyList<DecodedLine> Lines,
    IReadOnlyList<DecodedBarcode> Barcodes,
    bool EndedByCut)
{
    /// <summary>
    /// Where the cut command that ended this receipt began: the offset of its first byte (GS of GS V, ESC of
    /// ESC i / ESC m / Star ESC d) counted in bytes since the decoder was created, across all pushed chunks.
    /// Null when the receipt was not ended by a cut. A receipt tap injects a coupon just before this byte.
    /// </summary>
    public long? CutStreamOffset { get; init; }

    /// <summary>The lines' text joined with '\n'.</summary>
    public string Text => string.Join('\n', Lines.Select(line => line.Text));
}
