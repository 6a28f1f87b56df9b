using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

/// <summary>Runs a decoder over bytes in chunks and collects every receipt, including the flushed one.</summary>
internal static class DecoderRun
{
    public static List<DecodedReceipt> All(IReceiptDecoder decoder, ReadOnlySpan<byte> bytes, int chunkSize = int.MaxValue)
    {
        var receipts = new List<DecodedReceipt>();
        for (int i = 0; i < bytes.Length; i += chunkSize)
        {
            receipts.AddRange(decoder.Push(bytes.Slice(i, Math.Min(chunkSize, bytes.Length - i))));
        }

        if (decoder.Flush() is { } last)
        {
            receipts.Add(last);
        }

        return receipts;
    }

    public static List<DecodedReceipt> EscPos(ReadOnlySpan<byte> bytes, int chunkSize = int.MaxValue) =>
        All(new EscPosDecoder(), bytes, chunkSize);
}
