namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// One printed line as the reader sees it: its text and how it was emphasised. A total is often the one bold,
/// double-size or inverse line of a receipt, so emphasis is evidence.
/// </summary>
/// <param name="Text">The characters as printed (card numbers not yet masked).</param>
/// <param name="Bold">True when any character was printed emphasised.</param>
/// <param name="Magnification">The larger of the width and height magnification (1 = normal size).</param>
/// <param name="Inverse">True when any character was printed white on black.</param>
public sealed record ReceiptLine(string Text, bool Bold = false, int Magnification = 1, bool Inverse = false)
{
    /// <summary>True when the line stands out from body text in any way.</summary>
    public bool Emphasised => Bold || Inverse || Magnification > 1;
}
