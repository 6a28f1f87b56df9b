using System.Diagnostics.CodeAnalysis;

namespace PosLoyalty.Domain.Values;

/// <summary>
/// The number printed (and barcoded) on a loyalty card. Spaces and dashes typed by a person are
/// dropped; letters are upper-cased so a hand-typed card finds the same customer.
/// </summary>
public readonly record struct CardNumber
{
    public const int MinLength = 4;
    public const int MaxLength = 32;

    private CardNumber(string value) => Value = value;

    public string Value { get; }

    public static CardNumber Parse(string text) =>
        TryParse(text, out var card, out var error) ? card : throw new DomainValidationException(error);

    public static bool TryParse(string? text, out CardNumber card, [NotNullWhen(false)] out string? error)
    {
        card = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "card number is empty";
            return false;
        }

        var cleaned = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                error = $"card number '{Shorten(text)}' contains '{c}': only letters, digits, spaces and dashes are allowed";
                return false;
            }

            cleaned.Append(char.ToUpperInvariant(c));
        }

        if (cleaned.Length is < MinLength or > MaxLength)
        {
            error = $"card number '{Shorten(text)}' has {cleaned.Length} characters: {MinLength} to {MaxLength} are allowed";
            return false;
        }

        card = new CardNumber(cleaned.ToString());
        error = null;
        return true;
    }

    /// <summary>The last four characters only, for logs and screens that others can see.</summary>
    public string Masked() => Value.Length <= 4 ? new string('*', Value.Length) : "****" + Value[^4..];

    public override string ToString() => Value ?? string.Empty;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
