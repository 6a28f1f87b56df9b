namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// The JSON shape of a receipt profile file: every key optional; a missing key keeps the built-in default's value.
/// A label list replaces the default's; the same list under `AddLabels` extends it instead.
/// </summary>
internal sealed class ReceiptProfileDocument : ReceiptProfileLabelsDocument
{
    public string? Name { get; set; }

    public ReceiptDialect? Dialect { get; set; }

    public int? CodePage { get; set; }

    public DecimalSeparatorRule? DecimalSeparator { get; set; }

    public DateOrder? DateOrder { get; set; }

    public Dictionary<string, string>? CurrencySymbols { get; set; }

    public string? ItemLinePattern { get; set; }

    public ReceiptProfileLabelsDocument? AddLabels { get; set; }
}
