using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Encoders;

public sealed class CouponLayoutTests
{
    // The domain's canonical form: 14 Crockford base-32 characters, no dashes.
    private const string Code = "7KQ2M9XD4HTAPX";

    private static readonly CouponContent Coffee = new(
        ShopName: "Café Anna",
        Greeting: "Thank you, Jürgen!",
        RewardText: "Free coffee",
        CouponCode: Code,
        ExpiresOn: new DateOnly(2026, 12, 31),
        Terms: "One per visit. Not exchangeable for cash.");

    private static readonly CouponContent Wordy = new(
        ShopName: "The Extremely Long Named Neighbourhood Bakery and Coffee Roastery of Upper Wimbledon",
        Greeting: "Thank you for being one of our most loyal customers, Maximiliane-Wilhelmina von Hohenzollern-Sigmaringen, we really appreciate it!",
        RewardText: "A free large speciality coffee of your choice with any pastry from the counter, or a slice of cake",
        CouponCode: "ABCDEFGHJKMNPQRSTVWXYZ0123456789",
        ExpiresOn: new DateOnly(2027, 1, 31),
        Terms: string.Join(' ', Enumerable.Repeat("Valid once per customer at participating shops only; cannot be combined with other offers, exchanged for cash, or replaced if lost.", 20)));

    [Fact]
    public void Coupon_starts_with_initialise_then_selects_its_code_page()
    {
        var bytes = Render(Coffee, 42);

        Assert.Equal(Hex.Bytes("1B 40 1B 74 13"), bytes[..5]);
    }

    [Fact]
    public void Coupon_ends_with_a_feed_and_a_partial_cut()
    {
        var bytes = Render(Coffee, 42);

        Assert.Equal(Hex.Bytes("1B 64 04 1D 56 01"), bytes[^6..]);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(42)]
    [InlineData(48)]
    public void Coupon_carries_the_code_as_CODE128_QR_and_text(int columns)
    {
        var bytes = Render(Coffee, columns);
        var code = System.Text.Encoding.ASCII.GetBytes(Code);

        // GS k 73, n = 2 + 14 data bytes (all set B: no run of 4 digits).
        Assert.True(Hex.IndexOf(bytes, [0x1D, 0x6B, 0x49, 16, 0x7B, 0x42, .. code]) >= 0, "CODE128");

        // GS ( k store: pL = 14 + 3.
        Assert.True(Hex.IndexOf(bytes, [0x1D, 0x28, 0x6B, 17, 0x00, 0x31, 0x50, 0x30, .. code]) >= 0, "QR store");
        Assert.True(Hex.IndexOf(bytes, Hex.Bytes("1D 28 6B 03 00 31 51 30")) >= 0, "QR print");

        // And as text on its own line.
        Assert.True(Hex.IndexOf(bytes, [.. code, 0x0A]) >= 0, "text");
    }

    [Fact]
    public void Shop_name_is_centred_bold_and_double_size_in_the_chosen_code_page()
    {
        var bytes = Render(Coffee, 42);

        // ESC a 1, ESC E 1, GS ! 0x11, "Café Anna" in PC858 (é = 0x82), LF.
        Assert.True(Hex.IndexOf(bytes, [.. Hex.Bytes("1B 61 01 1B 45 01 1D 21 11"), .. "Caf"u8, 0x82, .. " Anna\n"u8]) >= 0);
    }

    [Fact]
    public void Greeting_and_expiry_are_printed()
    {
        var text = AsText(Render(Coffee, 42));

        Assert.Contains("Thank you, Jürgen!\n", text, StringComparison.Ordinal);
        Assert.Contains("Valid until 2026-12-31\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(42)]
    [InlineData(48)]
    public void Coupon_stays_under_1_KB_even_with_long_inputs(int columns)
    {
        var bytes = Render(Wordy, columns);

        Assert.True(bytes.Length < 1024, $"{bytes.Length} bytes at {columns} columns");
        Assert.True(Hex.IndexOf(bytes, Hex.Bytes("1D 28 6B")) >= 0, "still has the QR code");
    }

    [Theory]
    [InlineData(32)]
    [InlineData(42)]
    [InlineData(48)]
    public void Terms_are_word_wrapped_to_the_paper_width_and_cut_short_with_an_ellipsis(int columns)
    {
        var bytes = Render(Wordy, columns);

        var lines = TermsLines(bytes);

        Assert.Equal(new CouponLayoutOptions().MaxTermsLines, lines.Length);
        Assert.All(lines, line => Assert.InRange(line.Length, 1, columns));
        Assert.EndsWith("...", lines[^1], StringComparison.Ordinal);
        Assert.StartsWith("Valid once per customer", lines[0], StringComparison.Ordinal);

        // Words are not split: each line but the last ends at a word boundary of the source.
        Assert.All(lines[..^1], line => Assert.Contains(line + " ", Wordy.Terms, StringComparison.Ordinal));
    }

    [Fact]
    public void Short_terms_are_printed_whole()
    {
        var lines = TermsLines(Render(Coffee, 32));

        Assert.Equal(["One per visit. Not exchangeable", "for cash."], lines);
    }

    [Fact]
    public void A_word_longer_than_a_line_is_split_rather_than_run_off_the_paper()
    {
        var lines = TermsLines(Render(Coffee with { Terms = "See https://example.com/" + new string('x', 60) + " today" }, 32));

        Assert.Equal(["See", "https://example.com/xxxxxxxxxxxx", new string('x', 32), "xxxxxxxxxxxxxxxx today"], lines);
    }

    [Fact]
    public void Code_too_wide_for_58mm_paper_is_left_out_of_CODE128_but_kept_in_the_QR_code()
    {
        var bytes = Render(Wordy, 32);

        Assert.Equal(-1, Hex.IndexOf(bytes, Hex.Bytes("1D 6B 49")));
        Assert.True(Hex.IndexOf(bytes, [.. Hex.Bytes("1D 28 6B 23 00 31 50 30"), .. System.Text.Encoding.ASCII.GetBytes(Wordy.CouponCode)]) >= 0);
    }

    [Theory]
    [InlineData(32, 2)]
    [InlineData(42, 2)]
    [InlineData(48, 3)]
    public void CODE128_bars_are_as_wide_as_the_paper_allows(int columns, byte moduleWidth)
    {
        // 14 characters in set B: (14 + 2) × 11 + 13 = 189 modules; 3 dots each fit 576 dots only.
        var bytes = Render(Coffee, columns);

        Assert.True(Hex.IndexOf(bytes, [0x1D, 0x77, moduleWidth, 0x1D, 0x48, 0x00, 0x1D, 0x6B, 0x49]) >= 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HAS SPACE")]
    [InlineData("ABCDEFGHJKMNPQRSTVWXYZ0123456789X")]
    [InlineData("KÖLN")]
    public void A_code_that_cannot_be_printed_exactly_is_refused(string code) =>
        Assert.ThrowsAny<ArgumentException>(() => Render(Coffee with { CouponCode = code }, 42));

    [Fact]
    public void A_paper_width_outside_the_usual_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CouponLayout(new CouponLayoutOptions { PaperWidthInCharacters = 8 }));

    private static byte[] Render(CouponContent coupon, int columns) =>
        new CouponLayout(new CouponLayoutOptions { PaperWidthInCharacters = columns }).Render(coupon);

    private static string AsText(byte[] bytes) => EscPosCodePages.GetEncoding(EscPosCodePage.Pc858).GetString(bytes);

    /// <summary>The terms are the left-aligned lines between ESC a 0 and the final ESC d.</summary>
    private static string[] TermsLines(byte[] bytes)
    {
        var start = bytes.AsSpan().LastIndexOf(Hex.Bytes("1B 61 00")) + 3;
        var end = bytes.AsSpan().LastIndexOf(Hex.Bytes("1B 64"));
        return AsText(bytes[start..end]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
