namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// What the printer reported about itself, or an honest "unknown" with the reason when it
/// could not be asked or did not answer. The flags are false when the state is unknown.
/// </summary>
public sealed record PrinterStatus
{
    // Bit patterns from the Epson ESC/POS Command Reference, DLE EOT ("Transmit real-time status").
    private const byte OfflineBit = 0x08;          // n = 1, bit 3
    private const byte CoverOpenBit = 0x04;        // n = 2, bit 2
    private const byte FeedButtonBit = 0x08;       // n = 2, bit 3
    private const byte StoppedAtPaperEndBit = 0x20; // n = 2, bit 5
    private const byte ErrorBit = 0x40;            // n = 2, bit 6
    private const byte NearEndBits = 0x0C;         // n = 4, bits 2–3
    private const byte PaperEndBits = 0x60;        // n = 4, bits 5–6

    private PrinterStatus()
    {
    }

    /// <summary>Online, offline or unknown.</summary>
    public PrinterOnlineState State { get; private init; }

    /// <summary>True when the printer answered (the flags below mean something).</summary>
    public bool IsKnown => State != PrinterOnlineState.Unknown;

    /// <summary>The cover is open.</summary>
    public bool CoverOpen { get; private init; }

    /// <summary>The roll is nearly used up.</summary>
    public bool PaperNearEnd { get; private init; }

    /// <summary>No paper: printing has stopped.</summary>
    public bool PaperEnd { get; private init; }

    /// <summary>Paper is being fed with the feed button.</summary>
    public bool FeedButtonPressed { get; private init; }

    /// <summary>The printer reports an error (cutter jam, mechanical, head temperature …).</summary>
    public bool ErrorOccurred { get; private init; }

    /// <summary>Why the state is unknown; null when known.</summary>
    public string? UnknownReason { get; private init; }

    /// <summary>A status nobody could read.</summary>
    public static PrinterStatus Unknown(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new PrinterStatus { State = PrinterOnlineState.Unknown, UnknownReason = reason };
    }

    /// <summary>
    /// Reads the answers to DLE EOT 1, 2 and 4.
    /// </summary>
    /// <exception cref="ArgumentException">A byte is not a real-time status reply (0xx1xx10b).</exception>
    public static PrinterStatus FromRealTimeStatus(byte printer, byte offlineCause, byte paperRollSensor)
    {
        RequireRealTimeStatus(printer, nameof(printer));
        RequireRealTimeStatus(offlineCause, nameof(offlineCause));
        RequireRealTimeStatus(paperRollSensor, nameof(paperRollSensor));
        return new PrinterStatus
        {
            State = (printer & OfflineBit) != 0 ? PrinterOnlineState.Offline : PrinterOnlineState.Online,
            CoverOpen = (offlineCause & CoverOpenBit) != 0,
            FeedButtonPressed = (offlineCause & FeedButtonBit) != 0,
            ErrorOccurred = (offlineCause & ErrorBit) != 0,
            PaperEnd = (paperRollSensor & PaperEndBits) != 0 || (offlineCause & StoppedAtPaperEndBit) != 0,
            PaperNearEnd = (paperRollSensor & NearEndBits) != 0,
        };
    }

    /// <summary>
    /// Reads a 4-byte Automatic Status Back block (sent after GS a n on every change).
    /// Epson ESC/POS Command Reference, GS a "Enable/disable Automatic Status Back":
    /// byte 1 bit 3 offline, bit 5 cover open, bit 6 feed button; byte 2 bits 2, 3, 5, 6 errors
    /// (mechanical, auto-cutter, unrecoverable, auto-recoverable); byte 3 bits 0–1 near end,
    /// bits 2–3 paper end.
    /// </summary>
    /// <exception cref="ArgumentException">Not 4 bytes of the ASB pattern.</exception>
    public static PrinterStatus FromAutomaticStatus(ReadOnlySpan<byte> block)
    {
        if (block.Length != 4 || !PrinterReplyDemultiplexer.IsAutomaticStatusHeader(block[0])
            || !PrinterReplyDemultiplexer.IsAutomaticStatusBody(block[1])
            || !PrinterReplyDemultiplexer.IsAutomaticStatusBody(block[2])
            || !PrinterReplyDemultiplexer.IsAutomaticStatusBody(block[3]))
        {
            throw new ArgumentException($"Not an Automatic Status Back block: {Convert.ToHexString(block)}.", nameof(block));
        }

        return new PrinterStatus
        {
            State = (block[0] & 0x08) != 0 ? PrinterOnlineState.Offline : PrinterOnlineState.Online,
            CoverOpen = (block[0] & 0x20) != 0,
            FeedButtonPressed = (block[0] & 0x40) != 0,
            ErrorOccurred = (block[1] & 0x6C) != 0,
            PaperNearEnd = (block[2] & 0x03) != 0,
            PaperEnd = (block[2] & 0x0C) != 0,
        };
    }

    private static void RequireRealTimeStatus(byte value, string name)
    {
        if (!PrinterReplyDemultiplexer.IsRealTimeStatus(value))
        {
            throw new ArgumentException($"0x{value:X2} is not a real-time status reply (pattern 0xx1xx10b).", name);
        }
    }
}
