using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

public sealed class CardNumberMaskerTests
{
    [Theory]
    [InlineData("VISA  4111 1111 1111 1111", "VISA  **** **** **** 1111")]
    [InlineData("PAN 4111111111111111 AUTH 004512", "PAN ************1111 AUTH 004512")]
    [InlineData("MC 5555-5555-5555-4444", "MC ****-****-****-4444")]
    [InlineData("AMEX 378282246310005", "AMEX ***********0005")]
    [InlineData("Maestro 6759649826438453", "Maestro ************8453")]
    public void Luhn_valid_card_numbers_keep_only_their_last_four_digits(string text, string expected)
    {
        Assert.Equal(expected, CardNumberMasker.Mask(text));
    }

    [Theory]
    [InlineData("Receipt #: 10001")]
    [InlineData("EAN 4006381333931")]
    [InlineData("Bon 1234567890123")]
    [InlineData("2026-11-02 09:01")]
    [InlineData("Tel. +46 31 123 45 67")]
    [InlineData("Oat Latte                             1,234.56")]
    [InlineData("4111 1111 1111 1112")]
    public void Digit_runs_that_fail_Luhn_are_left_alone(string text)
    {
        Assert.Equal(text, CardNumberMasker.Mask(text));
    }

    [Fact]
    public void A_card_number_printed_right_after_another_number_is_still_masked()
    {
        var masked = CardNumberMasker.Mask("REF 0042 4111 1111 1111 1111");

        Assert.DoesNotContain("4111 1111 1111", masked, StringComparison.Ordinal);
        Assert.EndsWith("1111", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Nineteen_digit_Luhn_number_is_masked()
    {
        var pan = WithLuhnCheck("601100099013942400");
        var masked = CardNumberMasker.Mask("card " + pan);

        Assert.Equal("card " + new string('*', 15) + pan[^4..], masked);
    }

    [Fact]
    public void Any_formatted_Luhn_number_in_any_text_leaves_no_digit_but_its_last_four()
    {
        var lengths = Gen.Choose(13, 19);
        var digits = Gen.Choose(0, 9);
        // Card numbers never start with 0 (ISO/IEC 7812): the first digit is 1–9.
        var pans = lengths.SelectMany(n => Gen.Choose(1, 9).SelectMany(_ => digits.ArrayOf(n - 2), (first, rest) => first + string.Concat(rest)), (_, body) => WithLuhnCheck(body));
        var separators = Gen.Elements("", " ", "-");
        var groups = Gen.Elements(4, 5, 6);
        var words = Gen.Elements("VISA ", "Card: ", "PAN", "Kortnr ", "Karte ", "**** ", "", "x");
        var cases = pans.SelectMany(_ => separators, (pan, sep) => (pan, sep))
            .SelectMany(_ => groups, (c, g) => (c.pan, c.sep, g))
            .SelectMany(_ => words, (c, w) => (c.pan, c.sep, c.g, Prefix: w))
            .SelectMany(_ => words, (c, w) => (c.pan, c.sep, c.g, c.Prefix, Suffix: " " + w))
            .ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var printed = Group(c.pan, c.g, c.sep);
            var masked = CardNumberMasker.Mask(c.Prefix + printed + c.Suffix);
            var digitsLeft = new string(masked.Where(char.IsAsciiDigit).ToArray());
            return digitsLeft == c.pan[^4..]
                && masked.Length == (c.Prefix + printed + c.Suffix).Length
                && CardNumberMasker.Mask(masked) == masked;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("Nº: T001-2026-000815")]
    [InlineData("Factura 0012026000815")]
    public void A_Luhn_valid_number_that_starts_with_zero_is_a_receipt_number_not_a_card(string line)
    {
        Assert.True(CardNumberMasker.IsLuhnValid("0012026000815"));
        Assert.Equal(line, CardNumberMasker.Mask(line));
    }

    [Fact]
    public void Any_digit_run_that_fails_Luhn_is_unchanged()
    {
        var lengths = Gen.Choose(1, 25);
        var digits = Gen.Choose(0, 9);
        var runs = lengths.SelectMany(n => digits.ArrayOf(n), (_, d) => string.Concat(d))
            .Where(run => run.Length is < 13 or > 19 || !CardNumberMasker.IsLuhnValid(run))
            .ToArbitrary();

        Prop.ForAll(runs, run =>
        {
            var text = "No. " + run + " end";
            return CardNumberMasker.Mask(text) == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Masked_output_contains_no_run_of_the_hidden_digits()
    {
        const string pan = "4111111111111111";
        var masked = CardNumberMasker.Mask("VISA " + pan + " exp 12/29");

        Assert.DoesNotMatch(new Regex(@"\d{5,}"), masked);
        Assert.DoesNotContain(pan[..12], masked, StringComparison.Ordinal);
    }

    internal static string WithLuhnCheck(string body)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check;
            if (CardNumberMasker.IsLuhnValid(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("a Luhn check digit always exists");
    }

    private static string Group(string pan, int size, string separator) =>
        string.Join(separator, pan.Chunk(size).Select(chunk => new string(chunk)));
}
