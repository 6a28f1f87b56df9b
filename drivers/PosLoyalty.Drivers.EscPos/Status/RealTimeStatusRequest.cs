namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// The n of DLE EOT n (10 04 n), "Transmit real-time status". Epson ESC/POS Command Reference,
/// DLE EOT. Each request is answered with one byte of the pattern 0xx1xx10b.
/// </summary>
internal enum RealTimeStatusRequest : byte
{
    /// <summary>n = 1, printer status: bit 3 offline.</summary>
    Printer = 1,

    /// <summary>n = 2, offline cause: bit 2 cover open, bit 3 feed button, bit 5 stopped at paper end, bit 6 error.</summary>
    OfflineCause = 2,

    /// <summary>n = 4, roll paper sensor: bits 2–3 (0x0C) near end, bits 5–6 (0x60) paper end.</summary>
    PaperRollSensor = 4,
}
