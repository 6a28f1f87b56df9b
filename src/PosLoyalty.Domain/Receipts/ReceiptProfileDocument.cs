namespace PosLoyalty.Domain.Receipts;

/// <summary>The JSON shape of a receipt profile file: every key optional; a missing key keeps the built-in default's value.</summary>
internal sealed class ReceiptProfileDocument
{
    public string? Name { get; set; }

    public ReceiptDialect? Dialect { get; set; }

    public DecimalSeparatorRule? DecimalSeparator { get; set; }

    public DateOrder? DateOrder { get; set; }

    public List<string>? AmountDueLabels { get; set; }

    public List<string>? TotalLabels { get; set; }

    public List<string>? SubtotalLabels { get; set; }

    public List<string>? TaxLabels { get; set; }

    public List<string>? TaxIncludedWords { get; set; }

    public List<string>? SavingsLabels { get; set; }

    public List<string>? CashGivenLabels { get; set; }

    public List<string>? ChangeLabels { get; set; }

    public List<string>? ItemCountLabels { get; set; }

    public List<string>? CardPaymentLabels { get; set; }

    public List<string>? ReceiptNumberLabels { get; set; }

    public List<string>? OrderNumberLabels { get; set; }

    public List<string>? NumberDecoyLabels { get; set; }

    public List<string>? ReportMarkers { get; set; }

    public List<string>? KitchenMarkers { get; set; }

    public List<string>? OrderMarkers { get; set; }

    public List<string>? TestMarkers { get; set; }

    public List<string>? TipMarkers { get; set; }

    public List<string>? VoucherMarkers { get; set; }

    public List<string>? CopyMarkers { get; set; }

    public List<string>? RefundMarkers { get; set; }

    public List<string>? IgnoreLabels { get; set; }

    public Dictionary<string, string>? CurrencySymbols { get; set; }

    public string? ItemLinePattern { get; set; }
}
