using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>The byte-span variant `receipts capture` masks raw printer bytes with: the text rules, byte for byte.</summary>
public sealed class CardNumberMaskerBytesTests
{
    [Theory]
    [InlineData("VISA  4111 1111 1111 1111\n", "VISA  **** **** **** 1111\n")]
    [InlineData("PAN 4111111111111111 AUTH 004512", "PAN ************1111 AUTH 004512")]
    [InlineData("MC 5555-5555-5555-4444", "MC ****-****-****-4444")]
    [InlineData("Bon 1234567890123", "Bon 1234567890123")]
    [InlineData("4111 1111 1111 1112", "4111 1111 1111 1112")]
    public void Bytes_are_masked_as_the_same_text_would_be(string text, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(text);

        var masked = CardNumberMasker.Mask(bytes.AsSpan());

        Assert.Equal(expected, Encoding.ASCII.GetString(bytes));
        Assert.Equal(expected.Count(c => c == '*') - text.Count(c => c == '*'), masked);
    }

    [Fact]
    public void Control_and_high_bytes_end_a_run_and_are_never_changed()
    {
        // ESC E 1 between two halves; a PC858 'ü' (0x81) and NBSP-like 0xA0 next to the digits.
        byte[] bytes = [0x1B, (byte)'E', 0x01, .. "4111 1111 1111 1111"u8, 0xA0, .. "4111 1111"u8, 0x1B, (byte)'E', 0x00, .. " 1111 1111"u8, 0x81];
        var before = bytes.ToArray();

        CardNumberMasker.Mask(bytes.AsSpan());

        Assert.Equal("**** **** **** 1111"u8.ToArray(), bytes[3..22]);
        Assert.Equal(before[22..], bytes[22..]); // split by a command: a documented limit, and nothing else touched
        Assert.Equal(before[..3], bytes[..3]);
    }

    [Fact]
    public void Any_Luhn_number_among_any_bytes_keeps_only_its_last_four_digits_and_every_other_byte()
    {
        var digits = Gen.Choose(0, 9);
        var pans = Gen.Choose(13, 19).SelectMany(n => Gen.Choose(1, 9).SelectMany(_ => digits.ArrayOf(n - 2), (first, rest) => first + string.Concat(rest)), (_, body) => CardNumberMaskerTests.WithLuhnCheck(body));
        var separators = Gen.Elements("", " ", "-");

        // Anything but a digit, a space or a dash next to the number: control bytes, commands, any code page's letters.
        var noise = Gen.Choose(0, 255).Where(b => b is not (>= '0' and <= '9') and not ' ' and not '-').Select(b => (byte)b).ArrayOf();
        var cases = pans.SelectMany(_ => separators, (pan, sep) => (pan, sep))
            .SelectMany(_ => noise, (c, before) => (c.pan, c.sep, before))
            .SelectMany(_ => noise, (c, after) => (c.pan, c.sep, c.before, after))
            .ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var printed = Encoding.ASCII.GetBytes(string.Join(c.sep, c.pan.Chunk(4).Select(chunk => new string(chunk))));
            byte[] bytes = [.. c.before, .. printed, .. c.after];
            var masked = CardNumberMasker.Mask(bytes.AsSpan());
            var number = bytes[c.before.Length..(c.before.Length + printed.Length)];
            var digitsLeft = Encoding.ASCII.GetString(number.Where(b => b is >= (byte)'0' and <= (byte)'9').ToArray());
            return digitsLeft == c.pan[^4..]
                && masked == c.pan.Length - 4
                && bytes[..c.before.Length].SequenceEqual(c.before)
                && bytes[(c.before.Length + printed.Length)..].SequenceEqual(c.after)
                && CardNumberMasker.Mask(bytes.AsSpan()) == 0;
        }).QuickCheckThrowOnFailure();
    }
}
