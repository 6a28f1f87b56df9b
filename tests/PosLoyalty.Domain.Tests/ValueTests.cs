using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Tests;

public sealed class ValueTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    [Theory]
    [InlineData("12.50", 12.50)]
    [InlineData("0", 0)]
    [InlineData("-3.10", -3.10)]
    public void Money_parses_invariant_amounts(string text, double expected)
    {
        Assert.Equal(new Money((decimal)expected, Eur), Money.Parse(text, Eur));
    }

    [Theory]
    [InlineData("12,50")]
    [InlineData("1,000.00")]
    [InlineData("abc")]
    [InlineData("")]
    public void Money_rejects_text_that_is_not_an_invariant_number_and_names_it(string text)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Money.Parse(text, Eur));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_rejects_more_decimals_than_the_currency_has()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Money.Parse("1.005", Eur));
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => Money.Parse("100.5", CurrencyCode.Parse("JPY")));
        Assert.Equal(1.005m, Money.Parse("1.005", CurrencyCode.Parse("KWD")).Amount);
    }

    [Fact]
    public void Adding_or_subtracting_two_currencies_throws()
    {
        var eur = new Money(1m, Eur);
        var usd = new Money(1m, CurrencyCode.Parse("USD"));
        var ex = Assert.Throws<InvalidOperationException>(() => eur + usd);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => eur - usd);
        Assert.Equal(new Money(3m, Eur), eur + new Money(2m, Eur));
    }

    [Fact]
    public void Money_prints_the_currency_minor_units()
    {
        Assert.Equal("12.50 EUR", new Money(12.5m, Eur).ToString());
        Assert.Equal("1200 JPY", new Money(1200m, CurrencyCode.Parse("JPY")).ToString());
    }

    [Theory]
    [InlineData("EUR", "EUR")]
    [InlineData(" sek ", "SEK")]
    [InlineData("jpy", "JPY")]
    public void Currency_code_accepts_iso_codes_in_any_case(string text, string expected)
    {
        Assert.Equal(expected, CurrencyCode.Parse(text).Value);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("€")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_currency_code_is_rejected_naming_it(string? text)
    {
        Assert.False(CurrencyCode.TryParse(text, out _, out var error));
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains("ISO 4217", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234 5678-90ab", "1234567890AB")]
    [InlineData("  abcd  ", "ABCD")]
    [InlineData("A-B-C-D-E", "ABCDE")]
    public void Card_number_drops_spaces_and_dashes_and_upper_cases(string text, string expected)
    {
        Assert.Equal(expected, CardNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("12345678", "****5678")]
    [InlineData("ABCDE", "****BCDE")]
    [InlineData("ABCD", "****")]
    public void Card_number_masks_all_but_the_last_four(string text, string masked)
    {
        Assert.Equal(masked, CardNumber.Parse(text).Masked());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("123", "3 characters")]
    [InlineData("1234/5678", "'/'")]
    [InlineData("123456789012345678901234567890123", "33 characters")]
    public void Card_number_rejects_bad_input_saying_why(string text, string reason)
    {
        var ex = Assert.Throws<DomainValidationException>(() => CardNumber.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("03-14", 3, 14)]
    [InlineData("--12-31", 12, 31)]
    [InlineData("02-29", 2, 29)]
    [InlineData(" 01-01 ", 1, 1)]
    public void Month_day_parses_mm_dd(string text, int month, int day)
    {
        var value = MonthDay.Parse(text);
        Assert.Equal((month, day), (value.Month, value.Day));
        Assert.Equal(MonthDay.Create(month, day), value);
    }

    [Theory]
    [InlineData("02-30")]
    [InlineData("04-31")]
    [InlineData("13-01")]
    [InlineData("00-10")]
    [InlineData("1-2-3")]
    [InlineData("2024-02-29")]
    [InlineData("+3-14")]
    public void Month_day_rejects_days_not_in_the_year(string text)
    {
        var ex = Assert.Throws<DomainValidationException>(() => MonthDay.Parse(text));
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void February_29_falls_on_the_28th_outside_leap_years()
    {
        var leapDay = MonthDay.Create(2, 29);
        Assert.Equal(new DateOnly(2024, 2, 29), leapDay.InYear(2024));
        Assert.Equal(new DateOnly(2025, 2, 28), leapDay.InYear(2025));
        Assert.Equal(new DateOnly(2100, 2, 28), leapDay.InYear(2100));
        Assert.Equal("02-29", leapDay.ToString());
        Assert.Throws<DomainValidationException>(() => MonthDay.Create(2, 30));
    }

    [Fact]
    public void Points_arithmetic_is_checked()
    {
        Assert.Equal(new Points(7), new Points(10) - new Points(3));
        Assert.Throws<OverflowException>(() => new Points(long.MaxValue) + new Points(1));
    }

    [Fact]
    public void Coupon_status_follows_the_clock_to_expiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var coupon = new Coupon(CouponCode.NewRandom(), null, "Free coffee", null, clock.GetUtcNow(), clock.GetUtcNow().AddDays(90), null, null);
        Assert.Equal(CouponStatus.Active, coupon.StatusAt(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.Equal(CouponStatus.Active, coupon.StatusAt(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CouponStatus.Expired, coupon.StatusAt(clock.GetUtcNow()));
        Assert.Equal(CouponStatus.Redeemed, (coupon with { RedeemedAt = clock.GetUtcNow() }).StatusAt(clock.GetUtcNow()));
        Assert.Equal(CouponStatus.Voided, (coupon with { VoidedAt = clock.GetUtcNow() }).StatusAt(clock.GetUtcNow()));
    }
}
