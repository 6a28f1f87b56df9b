namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Second byte of the GS-prefixed commands the encoder emits.
/// Epson ESC/POS Command Reference (Application Programming Guide, "Command list").
/// </summary>
internal enum GsCommand : byte
{
    /// <summary>GS ! n — "Select character size": bits 4–6 width − 1, bits 0–2 height − 1. Print characters.</summary>
    CharacterSize = 0x21,

    /// <summary>GS ( k pL pH cn fn … — 2D code (QR) functions. Bar code.</summary>
    TwoDimensionalCode = 0x28,

    /// <summary>GS H n — "Select print position of HRI characters" (0 none, 1 above, 2 below, 3 both). Bar code.</summary>
    HriPosition = 0x48,

    /// <summary>GS V m [n] — "Select cut mode and cut paper". Mechanism control.</summary>
    Cut = 0x56,

    /// <summary>GS h n — "Set bar code height" in dots. Bar code.</summary>
    BarcodeHeight = 0x68,

    /// <summary>GS k m … — "Print bar code". Bar code.</summary>
    PrintBarcode = 0x6B,

    /// <summary>GS w n — "Set bar code width" (module width 2–6). Bar code.</summary>
    BarcodeWidth = 0x77,
}
