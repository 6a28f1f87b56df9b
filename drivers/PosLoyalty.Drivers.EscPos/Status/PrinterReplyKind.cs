namespace PosLoyalty.Drivers.EscPos;

/// <summary>What a piece of printer-to-host traffic is.</summary>
public enum PrinterReplyKind
{
    /// <summary>One byte 0xx1xx10b: the answer to DLE EOT n (or GS r n on some models).</summary>
    RealTimeStatus,

    /// <summary>Four bytes, the first 0xx1xx00b: Automatic Status Back after GS a.</summary>
    AutomaticStatus,

    /// <summary>0x11: the printer can take data again.</summary>
    XOn,

    /// <summary>0x13: the printer's buffer is nearly full; stop sending.</summary>
    XOff,

    /// <summary>Anything else (ID replies, GS r, a broken ASB block): relay it, don't interpret it.</summary>
    Other,
}
