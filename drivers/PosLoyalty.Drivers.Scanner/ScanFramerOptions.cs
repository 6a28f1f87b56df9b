namespace PosLoyalty.Drivers.Scanner;

/// <summary>How a <see cref="ScanFramer"/> cuts a byte stream into scans.</summary>
public sealed class ScanFramerOptions
{
    /// <summary>
    /// Characters the scanner is programmed to send before the data (after STX, before the AIM identifier,
    /// which is the order Honeywell and Zebra transmit them). Removed when present; a frame without it is kept.
    /// Must be ISO-8859-1. Empty: none.
    /// </summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Characters the scanner sends after the data, before the terminator. Removed when present.</summary>
    public string Suffix { get; init; } = string.Empty;

    /// <summary>
    /// A partial frame whose last byte is older than this when the next byte arrives is discarded (never
    /// reported): a half-received card number could match another customer. <see cref="TimeSpan.Zero"/> or
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns the check off.
    /// </summary>
    public TimeSpan InterByteTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Longest frame kept, in bytes, counting prefix, AIM identifier, data and suffix. Longer frames are dropped
    /// whole and counted; the framer never buffers more than this. 1 to 65,536.
    /// </summary>
    public int MaxFrameLength { get; init; } = 512;

    /// <summary>
    /// The same code read again within this window of the last reported scan of it is dropped (a card held
    /// under a presentation scanner reads many times a second). <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan DebounceWindow { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Recognise and remove a leading AIM identifier (<c>]C1</c>, <c>]E0</c>, <c>]Q3</c>…).</summary>
    public bool StripAimIdentifier { get; init; } = true;
}
