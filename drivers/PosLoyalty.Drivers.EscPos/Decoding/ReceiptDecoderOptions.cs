namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// What the decoder cannot see in the byte stream (the printer's start-up settings and geometry), and the
/// caps that bound its memory. The defaults fit an 80 mm printer: 576 dots, 48 columns of Font A.
/// </summary>
public sealed class ReceiptDecoderOptions
{
    /// <summary>
    /// The code page the printer uses until the stream selects one (ESC t on ESC/POS, ESC GS t on Star).
    /// A Windows/IBM code page number: 437 (PC437, the default), 850, 852, 858, 1252, …
    /// It is a printer setting (memory switch) the tap cannot read, so it is configured here.
    /// </summary>
    public int StartupCodePage { get; init; } = 437;

    /// <summary>The international character set in effect at start-up (ESC R n; 0 = U.S.A.).</summary>
    public int StartupInternationalCharacterSet { get; init; }

    /// <summary>
    /// Width of one Font A character cell in dots, used to turn dot positions (ESC $, ESC \) into columns:
    /// 12 for an 80 mm printer (576 dots / 48 columns).
    /// </summary>
    public int CharacterWidthDots { get; init; } = 12;

    /// <summary>Width of one Font B character cell in dots (9 on an 80 mm printer: 576 / 64).</summary>
    public int FontBCharacterWidthDots { get; init; } = 9;

    /// <summary>The default tab stops: every this many columns (ESC/POS default: 8).</summary>
    public int TabStopEveryColumns { get; init; } = 8;

    /// <summary>
    /// Whether CR ends a line. Epson printers ignore CR unless auto line feed is enabled, so the default
    /// is false and only LF (and the print-and-feed commands) end a line.
    /// </summary>
    public bool CarriageReturnEndsLine { get; init; }

    /// <summary>Characters kept per line; the rest of a longer line is dropped.</summary>
    public int MaxLineLength { get; init; } = 512;

    /// <summary>Lines kept per receipt; a receipt reaching this is reported (not ended by a cut) and a new one begins.</summary>
    public int MaxLinesPerReceipt { get; init; } = 4096;

    /// <summary>Barcodes kept per receipt; further ones are dropped.</summary>
    public int MaxBarcodesPerReceipt { get; init; } = 64;

    /// <summary>Bytes of barcode or 2D-code data kept per code; longer payloads are skipped by counting.</summary>
    public int MaxBarcodeDataLength { get; init; } = 1024;

    /// <summary>
    /// The code page that decodes double-byte characters in Kanji mode (FS &amp;): 932 (Shift_JIS) for
    /// Japanese models, 936 (GBK) for Simplified Chinese, 949 for Korean, 950 for Traditional Chinese.
    /// </summary>
    public int DoubleByteCodePage { get; init; } = 932;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StartupCodePage, nameof(StartupCodePage));
        ArgumentOutOfRangeException.ThrowIfNegative(StartupInternationalCharacterSet, nameof(StartupInternationalCharacterSet));
        ArgumentOutOfRangeException.ThrowIfLessThan(CharacterWidthDots, 1, nameof(CharacterWidthDots));
        ArgumentOutOfRangeException.ThrowIfLessThan(FontBCharacterWidthDots, 1, nameof(FontBCharacterWidthDots));
        ArgumentOutOfRangeException.ThrowIfLessThan(TabStopEveryColumns, 1, nameof(TabStopEveryColumns));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineLength, 16, nameof(MaxLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLinesPerReceipt, 1, nameof(MaxLinesPerReceipt));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBarcodesPerReceipt, nameof(MaxBarcodesPerReceipt));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBarcodeDataLength, 16, nameof(MaxBarcodeDataLength));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DoubleByteCodePage, nameof(DoubleByteCodePage));
    }
}
