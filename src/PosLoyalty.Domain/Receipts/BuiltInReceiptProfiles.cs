namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// The profiles that work with no file: `default` (ESC/POS) and `star` (Star Line Mode; the same text rules,
/// only the decoder differs). Their labels cover 19 languages (docs/receipt-profiles.md). They live in one place:
/// kiosk-config/receipt-profiles/default.json, embedded in this assembly and read at first use; the shipped
/// default.json and star.json are what a shop copies and adapts.
/// </summary>
public static class BuiltInReceiptProfiles
{
    /// <summary>The names of the built-in profiles.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(["default", "star"]);

    /// <summary>The built-in `default` profile: ESC/POS, every listed language.</summary>
    public static ReceiptProfile Default => DefaultProfile.Value;

    /// <summary>The built-in `star` profile: Star Line Mode, the same text rules as `default`.</summary>
    public static ReceiptProfile Star => Default with { Name = "star", Dialect = ReceiptDialect.StarLine };

    /// <summary>The built-in profile of that name (case-insensitive), or null.</summary>
    public static ReceiptProfile? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        "default" => Default,
        "star" => Star,
        _ => null,
    };

    // Nothing at all: the base the shipped JSON is read onto, so that every value comes from the file.
    private static readonly ReceiptProfile Nothing = new()
    {
        Name = string.Empty,
        AmountDueLabels = [],
        TotalLabels = [],
        SubtotalLabels = [],
        TaxLabels = [],
        TaxIncludedWords = [],
        SavingsLabels = [],
        CashGivenLabels = [],
        ChangeLabels = [],
        ItemCountLabels = [],
        CardPaymentLabels = [],
        ReceiptNumberLabels = [],
        OrderNumberLabels = [],
        NumberDecoyLabels = [],
        TableLabels = [],
        PaymentSlipMarkers = [],
        ReportMarkers = [],
        KitchenMarkers = [],
        OrderMarkers = [],
        TestMarkers = [],
        TipMarkers = [],
        VoucherMarkers = [],
        CopyMarkers = [],
        RefundMarkers = [],
        IgnoreLabels = [],
        CurrencySymbols = new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly(),
    };

    private static readonly Lazy<ReceiptProfile> DefaultProfile = new(() => Load("default"));

    private static ReceiptProfile Load(string name)
    {
        var resource = $"PosLoyalty.Domain.Receipts.{name}.json";
        using var stream = typeof(BuiltInReceiptProfiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the built-in receipt profile '{resource}' is not embedded in {typeof(BuiltInReceiptProfiles).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return ReceiptProfileReader.Parse(reader.ReadToEnd(), $"built-in profile {name} (kiosk-config/receipt-profiles/{name}.json)", name, Nothing);
    }
}
