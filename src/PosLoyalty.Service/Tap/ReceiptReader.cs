using PosLoyalty.Domain.Receipts;
using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// Printer bytes to sales, as a receipt profile says: the decoder for the profile's dialect, and the extractor
/// fed each decoded receipt's lines with their emphasis and its barcodes. The tap and `receipts decode|learn`
/// read through this one type, so what store IT checks is what the till credits.
/// </summary>
public sealed class ReceiptReader
{
    private const int ChunkSize = 4096;

    private readonly ReceiptDecoderOptions _decoderOptions;

    /// <param name="profile">How to read the receipts.</param>
    /// <param name="startupCodePage">The configured start-up code page (`ReceiptTap:CodePage`, `--code-page`); a profile that names its own `CodePage` wins.</param>
    public ReceiptReader(ReceiptProfile profile, int startupCodePage)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Extractor = new ReceiptSaleExtractor(profile);
        StartupCodePage = profile.CodePage ?? startupCodePage;
        _decoderOptions = new ReceiptDecoderOptions { StartupCodePage = StartupCodePage };
    }

    /// <summary>The code page the decoder starts in: the profile's, else the configured one.</summary>
    public int StartupCodePage { get; }

    /// <summary>The profile this reader reads by.</summary>
    public ReceiptProfile Profile { get; }

    /// <summary>The extractor for <see cref="Profile"/>.</summary>
    public ReceiptSaleExtractor Extractor { get; }

    /// <summary>A new decoder for the profile's dialect (one per byte stream: it keeps state across chunks).</summary>
    public IReceiptDecoder CreateDecoder() =>
        Profile.Dialect == ReceiptDialect.StarLine ? new StarLineModeDecoder(_decoderOptions) : new EscPosDecoder(_decoderOptions);

    /// <summary>The sale one decoded receipt shows (card numbers masked).</summary>
    public ReceiptSale Read(DecodedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Extractor.Extract(Lines(receipt), receipt.Barcodes.Select(code => code.Data).ToArray());
    }

    /// <summary>A decoded receipt's lines as the extractor reads them: text, bold, the larger magnification, inverse.</summary>
    public static ReceiptLine[] Lines(DecodedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Lines
            .Select(line => new ReceiptLine(line.Text, line.Bold, Math.Max(line.WidthMultiplier, line.HeightMultiplier), line.Inverse))
            .ToArray();
    }

    /// <summary>Every receipt in a capture, in order; text after the last cut counts as one more receipt.</summary>
    public IReadOnlyList<ReceiptSale> ReadCapture(ReadOnlySpan<byte> capture) => DecodeCapture(capture).Select(Read).ToArray();

    /// <summary>Every receipt in a capture as the decoder prints it, in order; text after the last cut counts as one more receipt.</summary>
    public IReadOnlyList<DecodedReceipt> DecodeCapture(ReadOnlySpan<byte> capture)
    {
        var decoder = CreateDecoder();
        var receipts = new List<DecodedReceipt>();
        for (var offset = 0; offset < capture.Length; offset += ChunkSize)
        {
            receipts.AddRange(decoder.Push(capture.Slice(offset, Math.Min(ChunkSize, capture.Length - offset))));
        }

        if (decoder.Flush() is { } last)
        {
            receipts.Add(last);
        }

        return receipts;
    }
}
