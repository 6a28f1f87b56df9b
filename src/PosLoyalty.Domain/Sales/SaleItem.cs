using System.Globalization;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Sales;

/// <summary>One line of a receipt. SKU is optional: many receipts print only a description.</summary>
public sealed record SaleItem(string? Sku, string Description, decimal Quantity, Money Amount)
{
    /// <summary>Parses the CLI form "SKU|description|qty|amount" (SKU may be empty).</summary>
    public static SaleItem Parse(string text, CurrencyCode currency)
    {
        var parts = text.Split('|');
        if (parts.Length != 4)
        {
            throw new DomainValidationException($"item '{text}' must have four parts: SKU|description|qty|amount");
        }

        var description = parts[1].Trim();
        if (description.Length == 0 || description.Length > 200)
        {
            throw new DomainValidationException($"item '{text}': description must be 1 to 200 characters");
        }

        if (!decimal.TryParse(parts[2].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0 || quantity > 100_000)
        {
            throw new DomainValidationException($"item '{text}': quantity '{parts[2]}' must be a number above 0");
        }

        var amount = Money.Parse(parts[3].Trim(), currency);
        var sku = parts[0].Trim();
        return new SaleItem(sku.Length == 0 ? null : sku, description, quantity, amount);
    }
}
