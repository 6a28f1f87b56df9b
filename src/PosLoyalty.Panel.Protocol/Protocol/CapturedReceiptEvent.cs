namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// One captured receipt: the bytes the POS sent from the end of the previous receipt to the end of this one's cut,
/// card numbers masked (base64 on the wire). Sent only to the connection that asked for the capture.
/// </summary>
/// <param name="Number">1 for the first receipt of the capture.</param>
/// <param name="Bytes">The receipt's bytes, masked.</param>
/// <param name="MaskedDigits">How many digits the masking replaced with '*'.</param>
public sealed record CapturedReceiptEvent(int Number, byte[] Bytes, int MaskedDigits) : PanelEvent;
