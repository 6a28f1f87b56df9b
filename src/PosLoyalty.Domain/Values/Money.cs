using System.Globalization;

namespace PosLoyalty.Domain.Values;

/// <summary>An amount in one currency. Adding two currencies is a bug, so it throws.</summary>
public readonly record struct Money(decimal Amount, CurrencyCode Currency)
{
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    public static Money operator +(Money left, Money right) =>
        new(left.Amount + CheckSame(left, right).Amount, left.Currency);

    public static Money operator -(Money left, Money right) =>
        new(left.Amount - CheckSame(left, right).Amount, left.Currency);

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Parses "12.50" (invariant culture, as a script writes it) in the given currency.</summary>
    public static Money Parse(string text, CurrencyCode currency)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            throw new DomainValidationException($"amount '{text}' is not a number: write it like 12.50 (a dot before the decimals, no thousands separator)");
        }

        var digits = currency.MinorUnitDigits;
        if (decimal.Round(amount, digits) != amount)
        {
            throw new DomainValidationException($"amount '{text}' has more decimals than {currency} allows ({digits})");
        }

        return new Money(amount, currency);
    }

    public override string ToString() =>
        Amount.ToString("F" + Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency;

    private static Money CheckSame(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"cannot combine {left.Currency} with {right.Currency}");
}
