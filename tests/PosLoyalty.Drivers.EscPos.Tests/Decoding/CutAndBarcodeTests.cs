using PosLoyalty.Drivers.EscPos.Decoding;
using Xunit;
using static PosLoyalty.Drivers.EscPos.Tests.Decoding.Bytes;

namespace PosLoyalty.Drivers.EscPos.Tests.Decoding;

public sealed class CutAndBarcodeTests
{
    public static IEnumerable<object[]> Cuts() =>
    [
        [Of(Gs, 'V', 0)],
        [Of(Gs, 'V', 1)],
        [Of(Gs, 'V', 48)],
        [Of(Gs, 'V', 49)],
        [Of(Gs, 'V', 65, 10)],
        [Of(Gs, 'V', 66, 10)],
        [Of(Gs, 'V', 97, 10)],
        [Of(Gs, 'V', 98, 10)],
        [Of(Gs, 'V', 103, 10)],
        [Of(Gs, 'V', 104, 10)],
        [Of(Esc, 'i')],
        [Of(Esc, 'm')],
    ];

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Every_cut_form_ends_a_receipt_and_consumes_its_arguments(byte[] cut)
    {
        // n = 10 would be a line feed if the decoder did not know GS V m n carries it.
        List<DecodedReceipt> receipts = DecoderRun.EscPos(Of("first\n", cut, "second\n", cut));

        Assert.Equal(["first", "second"], receipts.Select(r => r.Text));
        Assert.All(receipts, r => Assert.True(r.EndedByCut));
    }

    [Fact]
    public void Cut_prints_a_pending_line_first()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("no line feed", Gs, 'V', 0)));

        Assert.Equal("no line feed", receipt.Text);
        Assert.True(receipt.EndedByCut);
    }

    [Fact]
    public void Repeated_cuts_and_feeds_between_receipts_make_no_empty_receipts()
    {
        List<DecodedReceipt> receipts = DecoderRun.EscPos(Of("one\n", Gs, 'V', 66, 0, Gs, 'V', 66, 0, "\n\r\n", Gs, 'V', 1, "two\n", Gs, 'V', 1, "\n\n"));

        Assert.Equal(["one", "two"], receipts.Select(r => r.Text));
    }

    [Fact]
    public void Unknown_cut_mode_is_not_a_cut()
    {
        List<DecodedReceipt> receipts = DecoderRun.EscPos(Of("one\n", Gs, 'V', 7, "two\n", Gs, 'V', 0));

        Assert.Equal("one\ntwo", Assert.Single(receipts).Text);
    }

    [Fact]
    public void Flush_turns_text_without_a_trailing_cut_into_a_final_receipt_once()
    {
        var decoder = new EscPosDecoder();
        Assert.Empty(decoder.Push(Of("pending\n", "line")));

        DecodedReceipt? last = decoder.Flush();

        Assert.NotNull(last);
        Assert.Equal("pending\nline", last.Text);
        Assert.False(last.EndedByCut);
        Assert.Null(decoder.Flush());
    }

    [Fact]
    public void Barcode_with_nul_terminated_data_is_reported()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("x\n", Gs, 'k', 4, "ABC-123", 0, "y\n")));

        Assert.Equal([new DecodedBarcode(BarcodeSymbology.Code39, "ABC-123")], receipt.Barcodes);
        Assert.Equal("x\ny", receipt.Text);
    }

    [Fact]
    public void Barcode_with_length_prefixed_data_is_reported_and_its_data_is_not_text()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of(Gs, 'k', 73, 9, "{B10001\n!", "after\n")));

        Assert.Equal([new DecodedBarcode(BarcodeSymbology.Code128, "10001?!")], receipt.Barcodes);
        Assert.Equal("after", receipt.Text);
    }

    [Fact]
    public void Code128_code_set_C_pairs_become_digits()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of(Gs, 'k', 73, 10, "{B", "No", "{C", 12, 34, 5, 0, "x\n")));

        Assert.Equal("No12340500", Assert.Single(receipt.Barcodes).Data);
        Assert.Equal("x", receipt.Text);
    }

    [Fact]
    public void Barcode_missing_its_nul_ends_at_the_line_feed_without_eating_it()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of(Gs, 'k', 2, "4006381333931", "\nTOTAL 5.00\n")));

        Assert.Equal("4006381333931", Assert.Single(receipt.Barcodes).Data);
        Assert.Equal("TOTAL 5.00", receipt.Text);
    }

    [Fact]
    public void Qr_code_data_is_reported_once_even_when_printed_after_storing()
    {
        byte[] store = Of(Gs, '(', 'k', 15, 0, 49, 80, 48, "R-10001-ABCD");
        byte[] print = Of(Gs, '(', 'k', 3, 0, 49, 81, 48);

        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of("x\n", store, print, Gs, 'V', 0), chunkSize: 2));

        Assert.Equal([new DecodedBarcode(BarcodeSymbology.QrCode, "R-10001-ABCD")], receipt.Barcodes);
    }

    [Fact]
    public void A_receipt_with_only_a_barcode_is_still_a_receipt()
    {
        DecodedReceipt receipt = Assert.Single(DecoderRun.EscPos(Of(Gs, 'k', 67, 12, "590123412345", Gs, 'V', 0)));

        Assert.Empty(receipt.Lines);
        Assert.Equal(BarcodeSymbology.Ean13, Assert.Single(receipt.Barcodes).Symbology);
    }
}
