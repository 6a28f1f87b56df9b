using System.Text;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

public sealed class CapturedReceiptMaskerTests
{
    private const byte Esc = 0x1B;
    private const byte Gs = 0x1D;
    private const string Pan = "4111111111111111";

    [Fact]
    public void A_card_number_right_after_a_digit_argument_is_masked_and_the_argument_kept()
    {
        // ESC a '1' (centre, the argument written as an ASCII digit) then the number: read alone, "14111…" fails Luhn.
        byte[] bytes = [Esc, (byte)'a', (byte)'1', .. "4111 1111 1111 1111\n"u8, Esc, (byte)'a', 0];

        CapturedReceiptMasker.Mask(bytes);

        Assert.Equal([Esc, (byte)'a', (byte)'1', .. "**** **** **** 1111\n"u8, Esc, (byte)'a', 0], bytes);
    }

    [Fact]
    public void A_CODE128_barcode_with_a_card_number_keeps_its_length_byte_and_code_set_and_the_last_four_digits()
    {
        var data = Encoding.ASCII.GetBytes("{B" + Pan);
        byte[] bytes = [Gs, (byte)'k', 73, (byte)data.Length, .. data, (byte)'\n'];

        var masked = CapturedReceiptMasker.Mask(bytes);

        Assert.Equal([Gs, (byte)'k', 73, (byte)data.Length, .. "{B************1111"u8, (byte)'\n'], bytes);
        Assert.Equal(12, masked);
    }

    [Fact]
    public void A_CODE128_code_set_C_card_number_has_its_masked_pairs_zeroed()
    {
        // {C: one byte per pair of digits: 41 11 11 11 11 11 11 11.
        byte[] data = [(byte)'{', (byte)'C', 41, 11, 11, 11, 11, 11, 11, 11];
        byte[] bytes = [Gs, (byte)'k', 73, (byte)data.Length, .. data];

        CapturedReceiptMasker.Mask(bytes);

        Assert.Equal([Gs, (byte)'k', 73, (byte)data.Length, (byte)'{', (byte)'C', 0, 0, 0, 0, 0, 0, 11, 11], bytes);
    }

    [Fact]
    public void A_NUL_terminated_barcode_with_a_card_number_is_masked_up_to_its_NUL()
    {
        // GS k 4 (CODE39, function A): m is a binary 4, the data ends at NUL; text follows.
        byte[] bytes = [Gs, (byte)'k', 4, .. Encoding.ASCII.GetBytes(Pan), 0, .. "Ref 10001\n"u8];

        CapturedReceiptMasker.Mask(bytes);

        Assert.Equal([Gs, (byte)'k', 4, .. "************1111"u8, 0, .. "Ref 10001\n"u8], bytes);
    }

    [Fact]
    public void A_QR_code_holding_a_card_number_is_masked_though_its_header_ends_in_an_ASCII_zero()
    {
        // GS ( k pL pH 49 80 48 d…: "store the data"; m = '0' would join the number and start it with 0.
        var data = Encoding.ASCII.GetBytes(Pan);
        var length = data.Length + 3;
        byte[] bytes = [Gs, (byte)'(', (byte)'k', (byte)length, 0, 49, 80, 48, .. data, Gs, (byte)'(', (byte)'k', 3, 0, 49, 81, 48];

        CapturedReceiptMasker.Mask(bytes);

        Assert.Equal([Gs, (byte)'(', (byte)'k', (byte)length, 0, 49, 80, 48, .. "************1111"u8, Gs, (byte)'(', (byte)'k', 3, 0, 49, 81, 48], bytes);
    }

    [Fact]
    public void A_receipt_without_a_card_number_is_left_byte_for_byte_as_it_was()
    {
        var random = new Random(5);
        var receipt = TapStreams.Receipt(random, "10001").Bytes;
        byte[] bytes = [.. receipt, .. "EAN 4006381333931\nBon 1234567890123\n"u8, .. TapStreams.Cut];
        var before = bytes.ToArray();

        Assert.Equal(0, CapturedReceiptMasker.Mask(bytes));
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void The_masked_receipt_still_decodes_with_the_card_masked_in_its_text_and_its_barcode()
    {
        var code = Encoding.ASCII.GetBytes("{B" + Pan);
        byte[] bytes = [Esc, (byte)'@', .. "Shop\nVISA 4111 1111 1111 1111\nTOTAL 3.50\n"u8, Gs, (byte)'k', 73, (byte)code.Length, .. code, (byte)'\n', .. TapStreams.Cut];

        CapturedReceiptMasker.Mask(bytes);

        var decoded = Assert.Single(new ReceiptReader(BuiltInReceiptProfiles.Default, 437).DecodeCapture(bytes));
        Assert.Contains("VISA **** **** **** 1111", decoded.Text, StringComparison.Ordinal);
        Assert.Equal("************1111", Assert.Single(decoded.Barcodes).Data);
        Assert.DoesNotContain("4111 1111 1111 1111", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}
