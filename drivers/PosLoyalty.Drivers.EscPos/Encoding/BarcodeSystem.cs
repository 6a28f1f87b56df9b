namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// The m of the second form of GS k, <c>GS k m n d1…dn</c> (m ≥ 65: the length n precedes the data).
/// Epson ESC/POS Command Reference, GS k "Print bar code", function B.
/// </summary>
internal enum BarcodeSystem : byte
{
    /// <summary>JAN13 (EAN13): n = 12 or 13 digits.</summary>
    Ean13 = 67,

    /// <summary>CODE128: data starts with a code set selection {A, {B or {C.</summary>
    Code128 = 73,
}
