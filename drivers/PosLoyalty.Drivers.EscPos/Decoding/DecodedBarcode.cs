namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>The payload of a barcode or 2D code printed on a receipt.</summary>
/// <param name="Symbology">The kind of code.</param>
/// <param name="Data">The encoded data as text (bytes read as ISO-8859-1; CODE128 code-set prefixes removed).</param>
public sealed record DecodedBarcode(BarcodeSymbology Symbology, string Data);
