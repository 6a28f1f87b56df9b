namespace PosLoyalty.Domain.Receipts;

/// <summary>The printer command language the POS speaks, which picks the decoder (docs/architecture.md, "Device facts").</summary>
public enum ReceiptDialect
{
    /// <summary>Epson ESC/POS and the many printers compatible with it.</summary>
    EscPos,

    /// <summary>Star Line Mode (Star TSP/SP/mC-Print printers not in ESC/POS emulation).</summary>
    StarLine,
}
