namespace PosLoyalty.Service.Tests.Tap;

/// <summary>The POS printing libraries whose byte layout <see cref="ReceiptScript"/> reproduces.</summary>
public enum PrintLibrary
{
    /// <summary>node-thermal-printer, type EPSON: ESC ! sizes, ESC E bold, ESC a alignment, leftRight() and tableCustom() padded with spaces, drawLine() of '-'.</summary>
    NodeThermalEpson,

    /// <summary>@point-of-sale/receipt-printer-encoder (esc-pos-encoder) for ESC/POS: 42 columns, LF CR, GS ! sizes, alignment by padding, codepage 'auto' (ESC t mid-line), rule() of '─'.</summary>
    EscPosEncoder,

    /// <summary>receiptline for ESC/POS: every cell placed with ESC $ and ESC \, every run preceded by ESC t, normal() (ESC - '0' ESC E '0' GS B '0' GS ! 0) before it, rules of 0x95 in the Katakana page.</summary>
    ReceiptLine,

    /// <summary>python-escpos: set() before each line (ESC a, ESC ! size, ESC E), columns by HT to ESC D tab stops, cut() after six line feeds.</summary>
    PythonEscpos,

    /// <summary>node-thermal-printer, type STAR (Star Line Mode): ESC GS t code page, ESC i size, ESC E / ESC F, ESC GS a alignment, ESC d 3 cut.</summary>
    NodeThermalStar,

    /// <summary>@point-of-sale/receipt-printer-encoder for StarPRNT: ESC @ CAN, ESC GS t per run, ESC i size, ESC E / ESC F, LF CR, ESC d 1 cut.</summary>
    StarPrnt,
}
