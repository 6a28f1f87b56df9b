namespace PosLoyalty.Service.Tap;

/// <summary>One receipt of a capture: its bytes as the POS sent them, card numbers masked.</summary>
/// <param name="Bytes">From the end of the previous receipt (or the start of the POS link) to the end of this one's cut.</param>
/// <param name="MaskedDigits">How many digits the masking replaced.</param>
public sealed record CapturedReceipt(byte[] Bytes, int MaskedDigits);
