using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PosLoyalty.Panel.State;

/// <summary>
/// Reads an amount a cashier types: "12.50" or "12,50" (tills here use both), at most two decimals.
/// Thousands separators are refused: "1,250" would be ambiguous.
/// </summary>
public static class AmountInput
{
    public const decimal Maximum = 100_000m;

    public static bool TryParse(string? text, out decimal amount, [NotNullWhen(false)] out string? error)
    {
        amount = 0;
        var t = (text ?? string.Empty).Trim();
        var separators = t.Count(c => c is '.' or ',');
        var digitsOnly = t.All(c => char.IsAsciiDigit(c) || c is '.' or ',');
        var decimals = separators == 1 ? t.Length - t.IndexOfAny(['.', ',']) - 1 : 0;
        if (t.Length == 0 || !digitsOnly || separators > 1 || decimals is 0 && separators == 1 || decimals > 2
            || !decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            error = "amount must be a positive number like 12.50";
            return false;
        }

        if (amount <= 0 || amount > Maximum)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"amount must be more than 0 and at most {Maximum:0}");
            return false;
        }

        error = null;
        return true;
    }
}
