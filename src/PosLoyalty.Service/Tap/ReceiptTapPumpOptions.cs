namespace PosLoyalty.Service.Tap;

/// <summary>Tuning of the receipt tap pump; the defaults suit every input.</summary>
public sealed class ReceiptTapPumpOptions
{
    /// <summary>Most bytes read from the POS at once: one chunk. 16 KiB keeps a raster logo to a few chunks.</summary>
    public int ReadBufferBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// Longest the pump holds a cut for the sale hook. After it the cut goes to the printer without a coupon, so a hung
    /// database can never stop the till's printing; the hook's token is cancelled at the same moment.
    /// </summary>
    public TimeSpan AtCutHookTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before accepting again after the listener failed to accept (file descriptors exhausted, say).</summary>
    public TimeSpan AcceptRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The most trailing bytes of an unfinished command held back for the next chunk (see IReceiptDecoder.OpenCommandStreamOffset).</summary>
    public int MaxHeldBytes { get; init; } = 64;
}
