namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// How to read a sale from a POS's receipt text: the labels its lines carry in each language, how it writes
/// amounts, and which printer dialect it speaks. Rules are data: kiosk-config/receipt-profiles/*.json, read by
/// <see cref="ReceiptProfileReader"/>; <see cref="BuiltInReceiptProfiles"/> holds `default` and `star`.
/// Labels match whole words, ignoring case and accents (TOTAL À PAYER matches "Total a payer").
/// </summary>
public sealed record ReceiptProfile
{
    /// <summary>The profile's name, as `ReceiptTap:Profile` and `--profile` give it.</summary>
    public required string Name { get; init; }

    /// <summary>The printer command language, which picks the decoder.</summary>
    public ReceiptDialect Dialect { get; init; }

    /// <summary>
    /// The printer's start-up code page when this POS's printer is known (437, 850, 858, 1252 …): it wins over
    /// `ReceiptTap:CodePage` and `--code-page`. Null: those settings decide. A stream that selects its own page
    /// (ESC t) switches away from it as usual.
    /// </summary>
    public int? CodePage { get; init; }

    /// <summary>How '.' and ',' in amounts are read.</summary>
    public DecimalSeparatorRule DecimalSeparator { get; init; }

    /// <summary>How a day-and-month date written with '/', '.' or '-' is read.</summary>
    public DateOrder DateOrder { get; init; }

    /// <summary>The amount to pay: preferred over every other label ("AMOUNT DUE", "ZU ZAHLEN", "ATT BETALA").</summary>
    public required IReadOnlyList<string> AmountDueLabels { get; init; }

    /// <summary>The total, used when no amount-due line is printed ("TOTAL", "SUMME", "YHTEENSÄ").</summary>
    public required IReadOnlyList<string> TotalLabels { get; init; }

    /// <summary>Subtotals: never the total ("SUBTOTAL", "ZWISCHENSUMME", "DELSUMMA").</summary>
    public required IReadOnlyList<string> SubtotalLabels { get; init; }

    /// <summary>Tax and net lines: never the total ("TAX", "MWST", "TVA", "MOMS", "NETTO", "HT").</summary>
    public required IReadOnlyList<string> TaxLabels { get; init; }

    /// <summary>Words that, next to a tax label, say the tax is included ("incl.", "inkl.", "TTC"): the line stays a total line.</summary>
    public required IReadOnlyList<string> TaxIncludedWords { get; init; }

    /// <summary>Savings and discounts: never the total ("YOU SAVED", "RABATT", "REMISE").</summary>
    public required IReadOnlyList<string> SavingsLabels { get; init; }

    /// <summary>Cash handed over: never the total; also says the payment was cash ("CASH", "BAR", "KONTANT").</summary>
    public required IReadOnlyList<string> CashGivenLabels { get; init; }

    /// <summary>Change given back: never the total ("CHANGE", "RÜCKGELD", "VÄXEL").</summary>
    public required IReadOnlyList<string> ChangeLabels { get; init; }

    /// <summary>Item counts: never the total, never an item ("ITEMS", "ANTAL VAROR").</summary>
    public required IReadOnlyList<string> ItemCountLabels { get; init; }

    /// <summary>Card tender lines: the payment type is "card" ("VISA", "EC-KARTE", "CARTE BANCAIRE").</summary>
    public required IReadOnlyList<string> CardPaymentLabels { get; init; }

    /// <summary>Labels printed before the receipt number ("Receipt #", "Bon-Nr", "Kvitto nr"); "#", "No", "Nr", ":" may follow.</summary>
    public required IReadOnlyList<string> ReceiptNumberLabels { get; init; }

    /// <summary>Labels before an order or transaction number, used when no receipt number is printed ("Order", "Pedido", "Transaction").</summary>
    public required IReadOnlyList<string> OrderNumberLabels { get; init; }

    /// <summary>Words before a number that is not the receipt's ("Table", "Tisch", "TSE", "Tel", "Kasse", "VAT"): ruled out as the receipt number.</summary>
    public required IReadOnlyList<string> NumberDecoyLabels { get; init; }

    /// <summary>Table and seat labels ("Table", "Tisch", "Mesa", "Masa", "Стол"): never the receipt number; with no payment printed, a sign of an order slip.</summary>
    public required IReadOnlyList<string> TableLabels { get; init; }

    /// <summary>Words of a card terminal's slip ("APPROVED", "AUTH CODE", "KUNDENBELEG", "MERCHANT COPY"): with a masked card and no items, a payment slip, never a second sale.</summary>
    public required IReadOnlyList<string> PaymentSlipMarkers { get; init; }

    /// <summary>Words that mark an X/Z or other report ("X REPORT", "Z-BERICHT", "TAGESABSCHLUSS"): never credited.</summary>
    public required IReadOnlyList<string> ReportMarkers { get; init; }

    /// <summary>Words that mark a kitchen, bar or production ticket ("KITCHEN", "KÜCHE", "COMANDA"): never credited.</summary>
    public required IReadOnlyList<string> KitchenMarkers { get; init; }

    /// <summary>Words that mark an order slip or pre-bill ("PRE-BILL", "ZWISCHENRECHNUNG", "PRECUENTA"): never credited.</summary>
    public required IReadOnlyList<string> OrderMarkers { get; init; }

    /// <summary>Words that mark a printer or library test page ("TEST PAGE", "TESTDRUCK", "PRINTER TEST"): never credited.</summary>
    public required IReadOnlyList<string> TestMarkers { get; init; }

    /// <summary>A heading with these marks a tip slip ("TIP", "GRATUITY", "TRINKGELD"): never credited.</summary>
    public required IReadOnlyList<string> TipMarkers { get; init; }

    /// <summary>A heading that says only this marks a voucher print ("VOUCHER", "GUTSCHEIN", "GIFT CARD"): never credited.</summary>
    public required IReadOnlyList<string> VoucherMarkers { get; init; }

    /// <summary>A line that says only this marks a copy or reprint ("** COPY **", "KOPIE", "REPRINT").</summary>
    public required IReadOnlyList<string> CopyMarkers { get; init; }

    /// <summary>A line that says only this (or this and a number) marks a refund ("REFUND", "RETOUR", "ZWROT").</summary>
    public required IReadOnlyList<string> RefundMarkers { get; init; }

    /// <summary>Header lines that are never items even when they end in a number ("TEL", "VAT NO", "NIP").</summary>
    public required IReadOnlyList<string> IgnoreLabels { get; init; }

    /// <summary>Currency signs as printed, and what to report for each ("€" → "EUR", "$" → "$": it names several).</summary>
    public required IReadOnlyDictionary<string, string> CurrencySymbols { get; init; }

    /// <summary>
    /// Optional .NET regular expression for an item line, with named groups `description` and `amount` (and
    /// optionally `quantity`), for a POS whose item lines the built-in reading gets wrong. Null: built-in reading.
    /// </summary>
    public string? ItemLinePattern { get; init; }
}
