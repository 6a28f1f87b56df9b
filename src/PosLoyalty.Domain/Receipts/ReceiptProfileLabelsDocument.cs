namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// The label lists of a receipt profile file. At the top level a list replaces the built-in default's; under
/// `AddLabels` it is appended to it, so a learned or hand-made profile keeps every language the default reads.
/// </summary>
internal class ReceiptProfileLabelsDocument
{
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

    public List<string>? TableLabels { get; set; }

    public List<string>? PaymentSlipMarkers { get; set; }

    public List<string>? ReportMarkers { get; set; }

    public List<string>? KitchenMarkers { get; set; }

    public List<string>? OrderMarkers { get; set; }

    public List<string>? TestMarkers { get; set; }

    public List<string>? TipMarkers { get; set; }

    public List<string>? VoucherMarkers { get; set; }

    public List<string>? CopyMarkers { get; set; }

    public List<string>? RefundMarkers { get; set; }

    public List<string>? IgnoreLabels { get; set; }
}
