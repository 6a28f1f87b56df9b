namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// Barcode symbology, from the AIM symbology identifier (ISO/IEC 15424) <c>]cm</c> a scanner can prefix
/// to its data: <c>c</c> names the symbology, <c>m</c> the modifier (e.g. whether FNC1 marks GS1 data).
/// </summary>
public enum Symbology
{
    /// <summary>The frame carried no AIM identifier (or stripping was turned off).</summary>
    Unknown = 0,

    /// <summary>A well-formed AIM identifier this enum has no name for (Telepen, Code 49, ]X…).</summary>
    Other,

    /// <summary><c>]A</c>.</summary>
    Code39,

    /// <summary><c>]C0</c>, <c>]C2</c>, <c>]C4</c>.</summary>
    Code128,

    /// <summary><c>]C1</c>: Code 128 with FNC1 in first position.</summary>
    Gs1128,

    /// <summary><c>]E0</c> (UPC-A is sent as EAN-13 with a leading 0, UPC-E expanded) and <c>]E3</c> (with add-on).</summary>
    Ean13,

    /// <summary><c>]E4</c>.</summary>
    Ean8,

    /// <summary><c>]E1</c>, <c>]E2</c>: a 2- or 5-digit add-on sent on its own.</summary>
    EanAddOn,

    /// <summary><c>]F</c>.</summary>
    Codabar,

    /// <summary><c>]G</c>.</summary>
    Code93,

    /// <summary><c>]H</c>.</summary>
    Code11,

    /// <summary><c>]I</c>: Interleaved 2 of 5 (ITF-14 included).</summary>
    Interleaved2Of5,

    /// <summary><c>]M</c>.</summary>
    Msi,

    /// <summary><c>]L</c>: PDF417 and MicroPDF417.</summary>
    Pdf417,

    /// <summary><c>]Q0</c>, <c>]Q1</c>, <c>]Q2</c>, <c>]Q5</c>, <c>]Q6</c>.</summary>
    QrCode,

    /// <summary><c>]Q3</c>, <c>]Q4</c>: QR Code with FNC1 in first position.</summary>
    Gs1QrCode,

    /// <summary><c>]d0</c>, <c>]d1</c>, <c>]d3</c>, <c>]d4</c>, <c>]d6</c>.</summary>
    DataMatrix,

    /// <summary><c>]d2</c>, <c>]d5</c>: Data Matrix with FNC1 in first position.</summary>
    Gs1DataMatrix,

    /// <summary><c>]e</c>: GS1 DataBar (RSS).</summary>
    Gs1DataBar,

    /// <summary><c>]U</c>.</summary>
    MaxiCode,

    /// <summary><c>]z</c>.</summary>
    Aztec,
}
