using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Drivers.EscPos.Tests;

/// <summary>What the encoder prints, our own decoder must read back: the tap will see our coupons too.</summary>
public sealed class CouponRoundTripTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(42)]
    [InlineData(48)]
    public void Decoder_reads_back_a_coupon_text_and_codes(int columns)
    {
        var content = new CouponContent("Caffè Rossi", "Grazie, Mrs Rossi!", "Free coffee", "JT6PZ9P8YTE77T", new DateOnly(2027, 2, 20), "One per visit. Not exchangeable for cash.");
        var bytes = new CouponLayout(new CouponLayoutOptions { PaperWidthInCharacters = columns }).Render(content);

        var decoder = new EscPosDecoder(new ReceiptDecoderOptions { StartupCodePage = 858 });
        var receipts = decoder.Push(bytes).ToList();
        if (decoder.Flush() is { } tail)
        {
            receipts.Add(tail);
        }

        var receipt = Assert.Single(receipts);
        Assert.True(receipt.EndedByCut);
        Assert.Contains("Caffè Rossi", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Mrs Rossi", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Free coffee", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("2027-02-20", receipt.Text, StringComparison.Ordinal);
        Assert.Contains(receipt.Barcodes, b => b.Symbology == BarcodeSymbology.QrCode && b.Data.Contains("JT6PZ9P8YTE77T", StringComparison.Ordinal));
        Assert.Contains(receipt.Barcodes, b => b.Symbology == BarcodeSymbology.Code128 && b.Data.Contains("JT6PZ9P8YTE77T", StringComparison.Ordinal));
    }
}
