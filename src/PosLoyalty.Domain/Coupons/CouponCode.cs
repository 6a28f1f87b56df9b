using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace PosLoyalty.Domain.Coupons;

/// <summary>
/// A coupon's code: 13 random Crockford base-32 characters (65 bits from a CSPRNG) and one
/// Luhn mod 32 check character. The alphabet has no I, L, O or U, so a code read aloud or typed
/// from paper survives; O is read as 0 and I or L as 1. A mistyped code fails the check before
/// any lookup, so guessing costs the guesser, not the database.
/// </summary>
public readonly record struct CouponCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int RandomCharacters = 13;
    public const int Length = RandomCharacters + 1;

    private CouponCode(string value) => Value = value;

    /// <summary>The canonical 14 characters, without dashes (what is stored and barcoded).</summary>
    public string Value { get; }

    public static CouponCode NewRandom()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < RandomCharacters; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        chars[RandomCharacters] = CheckCharacter(chars[..RandomCharacters]);
        return new CouponCode(new string(chars));
    }

    public static CouponCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new Values.DomainValidationException(error);

    public static bool TryParse(string? text, out CouponCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        Span<char> chars = stackalloc char[Length];
        var n = 0;
        foreach (var raw in text ?? string.Empty)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0 || n == Length)
            {
                error = $"'{text}' is not a coupon code: {Length} characters from {Alphabet}";
                return false;
            }

            chars[n++] = c;
        }

        if (n != Length)
        {
            error = $"'{text}' is not a coupon code: {Length} characters from {Alphabet}";
            return false;
        }

        if (CheckCharacter(chars[..RandomCharacters]) != chars[RandomCharacters])
        {
            error = $"'{text}' fails its check character: a character is mistyped";
            return false;
        }

        code = new CouponCode(new string(chars));
        error = null;
        return true;
    }

    /// <summary>Grouped for reading aloud and typing: XXXX-XXXX-XXXX-XX.</summary>
    public string ToDisplayString() => $"{Value[..4]}-{Value[4..8]}-{Value[8..12]}-{Value[12..]}";

    /// <summary>For a line others may read (a status screen, a log): the first eight characters hidden, ****-****-XXXX-XX.</summary>
    public string Masked() => $"****-****-{Value[8..12]}-{Value[12..]}";

    public override string ToString() => Value ?? string.Empty;

    // Luhn mod N (N = 32): catches every single-character error and most adjacent swaps.
    private static char CheckCharacter(ReadOnlySpan<char> chars)
    {
        const int n = 32;
        var factor = 2;
        var sum = 0;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(chars[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / n) + (addend % n);
        }

        return Alphabet[(n - (sum % n)) % n];
    }
}
