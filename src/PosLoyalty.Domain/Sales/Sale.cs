using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Sales;

/// <summary>A completed sale as the till reported it. (Till, receipt number) identifies it for life.</summary>
public sealed record Sale(string TillId, string ReceiptNumber, Money Total, DateTimeOffset At, IReadOnlyList<SaleItem> Items)
{
    public const int MaxReceiptNumberLength = 64;

    public bool HasPurchase => Total.Amount > 0m;

    /// <summary>Checks what a script or a receipt could get wrong; messages name the field.</summary>
    public static Sale Create(string tillId, string receiptNumber, Money total, DateTimeOffset at, IReadOnlyList<SaleItem> items)
    {
        if (string.IsNullOrWhiteSpace(tillId) || tillId.Length > 64)
        {
            throw new DomainValidationException($"till '{tillId}' must be 1 to 64 characters");
        }

        if (string.IsNullOrWhiteSpace(receiptNumber) || receiptNumber.Length > MaxReceiptNumberLength || receiptNumber.Any(char.IsControl))
        {
            throw new DomainValidationException($"receipt number '{receiptNumber}' must be 1 to {MaxReceiptNumberLength} printable characters");
        }

        if (total.Amount < 0m)
        {
            throw new DomainValidationException($"total {total} is negative: record a refund instead");
        }

        if (total.Amount > 1_000_000m)
        {
            throw new DomainValidationException($"total {total} is above 1,000,000: check the amount");
        }

        foreach (var item in items)
        {
            if (item.Amount.Currency != total.Currency)
            {
                throw new DomainValidationException($"item '{item.Description}' is in {item.Amount.Currency} but the sale is in {total.Currency}");
            }
        }

        return new Sale(tillId.Trim(), receiptNumber.Trim(), total, at, items);
    }
}
