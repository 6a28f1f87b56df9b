using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Tests;

public sealed class CouponCodeTests
{
    private const string Alphabet = CouponCode.Alphabet;

    public static TheoryData<string> FixedCodes() =>
    [
        WithCheck("0000000000000"),
        WithCheck("ZZZZZZZZZZZZZ"),
        WithCheck("0123456789ABC"),
        WithCheck("DEFGHJKMNPQRS"),
        CouponCode.NewRandom().Value,
        CouponCode.NewRandom().Value,
    ];

    [Fact]
    public void Generated_codes_parse_back_to_themselves()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = CouponCode.NewRandom();
            Assert.Equal(CouponCode.Length, code.Value.Length);
            Assert.All(code.Value, c => Assert.Contains(c, Alphabet));
            Assert.Equal(code, CouponCode.Parse(code.Value));
        }
    }

    [Fact]
    public void Generated_codes_differ()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => CouponCode.NewRandom().Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(10_000, codes.Count);
    }

    [Fact]
    public void Each_body_has_exactly_one_check_character()
    {
        const string body = "7QW3KX0P1MZ9A";
        var passing = Alphabet.Where(c => CouponCode.TryParse(body + c, out _, out _)).ToList();
        Assert.Single(passing);
    }

    [Theory]
    [MemberData(nameof(FixedCodes))]
    public void Every_single_character_substitution_fails_the_check(string valid)
    {
        Assert.True(CouponCode.TryParse(valid, out _, out _));
        var tried = 0;
        for (var position = 0; position < CouponCode.Length; position++)
        {
            foreach (var replacement in Alphabet)
            {
                if (replacement == valid[position])
                {
                    continue;
                }

                var typo = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                Assert.False(CouponCode.TryParse(typo, out _, out var error), $"'{typo}' (from '{valid}', position {position}) passed its check");
                Assert.Contains("check character", error, StringComparison.Ordinal);
                tried++;
            }
        }

        Assert.Equal(CouponCode.Length * (Alphabet.Length - 1), tried);
    }

    [Fact]
    public void O_reads_as_zero_and_I_or_L_as_one()
    {
        var code = CouponCode.Parse(WithCheck("0101010101010"));
        var typed = code.Value[..13].Replace('0', 'O').Replace('1', 'I');
        Assert.Equal(code, CouponCode.Parse(typed + code.Value[13]));
        Assert.Equal(code, CouponCode.Parse(code.Value[..13].Replace('0', 'o').Replace('1', 'l') + code.Value[13]));
        Assert.Equal(code, CouponCode.Parse(code.Value[..13].Replace('1', 'L') + code.Value[13]));
    }

    [Fact]
    public void U_is_not_in_the_alphabet()
    {
        var code = CouponCode.NewRandom().Value;
        Assert.False(CouponCode.TryParse("U" + code[1..], out _, out var error));
        Assert.Contains("14 characters", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ABC")]
    [InlineData("000000000000000")]
    public void Wrong_length_is_rejected(string? text)
    {
        Assert.False(CouponCode.TryParse(text, out _, out var error));
        Assert.Contains("not a coupon code", error, StringComparison.Ordinal);
        Assert.Throws<DomainValidationException>(() => CouponCode.Parse(text!));
    }

    [Fact]
    public void Display_form_is_grouped_and_round_trips()
    {
        var code = CouponCode.NewRandom();
        var display = code.ToDisplayString();
        Assert.Matches(new Regex("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$"), display);
        Assert.Equal(code, CouponCode.Parse(display));
        Assert.Equal(code, CouponCode.Parse(display.ToLowerInvariant().Replace('-', ' ')));
    }

    [Fact]
    public void Random_valid_codes_parse_back_in_any_typed_form()
    {
        var bodies = Gen.Elements(Alphabet.ToCharArray()).ArrayOf(CouponCode.RandomCharacters).Select(chars => new string(chars));
        var forms = Gen.Elements(0, 1, 2, 3);
        var cases = bodies.SelectMany(_ => forms, (body, form) => (Body: body, Form: form)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var canonical = WithCheck(c.Body);
            var code = CouponCode.Parse(canonical);
            var typed = c.Form switch
            {
                0 => canonical,
                1 => code.ToDisplayString(),
                2 => canonical.ToLowerInvariant().Replace('0', 'o').Replace('1', 'l'),
                _ => " " + code.ToDisplayString().Replace('-', ' ') + " ",
            };
            return CouponCode.Parse(typed) == code && code.Value == canonical;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Completes a 13-character body with the one check character that passes.</summary>
    private static string WithCheck(string body) =>
        body + Alphabet.Single(c => CouponCode.TryParse(body + c, out _, out _));
}
