namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>The symbology of a decoded barcode or 2D code.</summary>
public enum BarcodeSymbology
{
    /// <summary>A code whose symbology byte the decoder does not know.</summary>
    Unknown = 0,

    /// <summary>UPC-A.</summary>
    UpcA,

    /// <summary>UPC-E.</summary>
    UpcE,

    /// <summary>EAN-13 (JAN13).</summary>
    Ean13,

    /// <summary>EAN-8 (JAN8).</summary>
    Ean8,

    /// <summary>CODE39.</summary>
    Code39,

    /// <summary>Interleaved 2 of 5.</summary>
    Itf,

    /// <summary>CODABAR (NW-7).</summary>
    Codabar,

    /// <summary>CODE93.</summary>
    Code93,

    /// <summary>CODE128.</summary>
    Code128,

    /// <summary>GS1-128.</summary>
    Gs1128,

    /// <summary>GS1 DataBar (any variant).</summary>
    Gs1DataBar,

    /// <summary>QR Code.</summary>
    QrCode,

    /// <summary>PDF417.</summary>
    Pdf417,

    /// <summary>MaxiCode.</summary>
    MaxiCode,

    /// <summary>Data Matrix.</summary>
    DataMatrix,

    /// <summary>Aztec Code.</summary>
    Aztec,
}
