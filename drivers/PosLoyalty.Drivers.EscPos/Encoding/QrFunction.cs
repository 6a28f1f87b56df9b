namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// The fn byte of <c>GS ( k pL pH cn fn …</c> with cn = 49 (0x31, QR Code).
/// Epson ESC/POS Command Reference, GS ( k "QR Code" functions 165, 167, 169, 180, 181.
/// </summary>
internal enum QrFunction : byte
{
    /// <summary>Function 165: select the model (n1 = 50 for model 2).</summary>
    SelectModel = 65,

    /// <summary>Function 167: set the module size in dots (1–16).</summary>
    SetModuleSize = 67,

    /// <summary>Function 169: select the error correction level (48–51 = L, M, Q, H).</summary>
    SetErrorCorrection = 69,

    /// <summary>Function 180: store the data in the symbol storage area (m = 48).</summary>
    Store = 80,

    /// <summary>Function 181: print the symbol data in the symbol storage area (m = 48).</summary>
    Print = 81,
}
