namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The byte after GS. Epson ESC/POS Command Reference, one entry per command page; the argument counts
/// are in <see cref="EscPosCommandTable"/>.
/// </summary>
internal enum GsCommandByte : byte
{
    /// <summary>GS ! n "Select character size": bits 4–7 width − 1, bits 0–3 height − 1.</summary>
    CharacterSize = 0x21,

    /// <summary>GS $ nL nH "Set absolute vertical print position in page mode".</summary>
    AbsoluteVerticalPosition = 0x24,

    /// <summary>GS ( fn pL pH … : the extended commands (GS ( A, C, D, E, H, K, L, M, N, P, Q, k, z …) carry pL pH bytes.</summary>
    ExtendedParameters = 0x28,

    /// <summary>GS * x y d1…d(x×y×8) "Define downloaded bit image" (obsolete).</summary>
    DefineDownloadedImage = 0x2A,

    /// <summary>GS / m "Print downloaded bit image" (obsolete).</summary>
    PrintDownloadedImage = 0x2F,

    /// <summary>GS 8 L p1 p2 p3 p4 m fn … "Graphics data" with a 32-bit length.</summary>
    ExtendedGraphics = 0x38,

    /// <summary>GS : "Start/end macro definition".</summary>
    Macro = 0x3A,

    /// <summary>GS B n "Turn white/black reverse print mode on/off".</summary>
    Reverse = 0x42,

    /// <summary>GS C 0/1/2/; … counter printing (obsolete).</summary>
    Counter = 0x43,

    /// <summary>GS D 0 C / GS D 0 S … "Define Windows BMP NV/download graphics data".</summary>
    WindowsBitmap = 0x44,

    /// <summary>GS E n "Select head control method" (obsolete).</summary>
    HeadControl = 0x45,

    /// <summary>GS H n "Select print position of HRI characters".</summary>
    HriPosition = 0x48,

    /// <summary>GS I n "Transmit printer ID".</summary>
    PrinterId = 0x49,

    /// <summary>GS L nL nH "Set left margin".</summary>
    LeftMargin = 0x4C,

    /// <summary>GS P x y "Set horizontal and vertical motion units".</summary>
    MotionUnits = 0x50,

    /// <summary>GS Q 0 m xL xH yL yH d1…dk "Print variable vertical size bit image": k = x × y.</summary>
    VariableBitImage = 0x51,

    /// <summary>GS T n "Set print position to the beginning of print line".</summary>
    BeginningOfLine = 0x54,

    /// <summary>GS V m / GS V m n "Select cut mode and cut paper".</summary>
    Cut = 0x56,

    /// <summary>GS W nL nH "Set print area width".</summary>
    PrintAreaWidth = 0x57,

    /// <summary>GS \ nL nH "Set relative vertical print position in page mode".</summary>
    RelativeVerticalPosition = 0x5C,

    /// <summary>GS ^ r t m "Execute macro".</summary>
    ExecuteMacro = 0x5E,

    /// <summary>GS a n "Enable/disable Automatic Status Back (ASB)".</summary>
    AutomaticStatusBack = 0x61,

    /// <summary>GS b n "Turn smoothing mode on/off".</summary>
    Smoothing = 0x62,

    /// <summary>GS c "Print counter" (obsolete).</summary>
    PrintCounter = 0x63,

    /// <summary>GS f n "Select font for HRI characters".</summary>
    HriFont = 0x66,

    /// <summary>GS g 0 m nL nH / GS g 2 m nL nH maintenance counters.</summary>
    MaintenanceCounter = 0x67,

    /// <summary>GS h n "Set bar code height".</summary>
    BarcodeHeight = 0x68,

    /// <summary>GS j n "Enable/disable Automatic Status Back (ASB) for ink".</summary>
    InkStatusBack = 0x6A,

    /// <summary>GS k m d1…dk NUL (m ≤ 6) / GS k m n d1…dn (m ≥ 65) "Print bar code".</summary>
    Barcode = 0x6B,

    /// <summary>GS r n "Transmit status".</summary>
    TransmitStatus = 0x72,

    /// <summary>GS v 0 m xL xH yL yH d1…dk "Print raster bit image": k = x × y.</summary>
    RasterImage = 0x76,

    /// <summary>GS w n "Set bar code width".</summary>
    BarcodeWidth = 0x77,

    /// <summary>GS z 0 t1 t2 "Set online recovery wait time".</summary>
    OnlineRecoveryWait = 0x7A,
}
