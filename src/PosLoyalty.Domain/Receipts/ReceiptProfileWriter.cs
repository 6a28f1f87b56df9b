using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Writes a receipt profile as the JSON <see cref="ReceiptProfileReader"/> reads, naming only what differs from the
/// built-in `default` (the reader's base): the dialect always, the code page, decimal separator, date order and
/// item layout when set, a label list that only adds to the default's under `AddLabels`, and one that replaces it
/// in full. So a learned profile keeps every language the default reads, today's and later releases'.
/// </summary>
public static class ReceiptProfileWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The profile's JSON text, with <paramref name="comments"/> as comment lines at the top.</summary>
    public static string ToJson(ReceiptProfile profile, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(comments);
        var basis = BuiltInReceiptProfiles.Default;
        var lists = Lists(profile).Zip(Lists(basis), (mine, theirs) => (mine.Key, Mine: mine.Labels, Theirs: theirs.Labels)).ToArray();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString(nameof(ReceiptProfile.Name), profile.Name);
            json.WriteString(nameof(ReceiptProfile.Dialect), profile.Dialect.ToString());
            if (profile.CodePage is { } codePage)
            {
                json.WriteNumber(nameof(ReceiptProfile.CodePage), codePage);
            }

            if (profile.DecimalSeparator != basis.DecimalSeparator)
            {
                json.WriteString(nameof(ReceiptProfile.DecimalSeparator), profile.DecimalSeparator.ToString());
            }

            if (profile.DateOrder != basis.DateOrder)
            {
                json.WriteString(nameof(ReceiptProfile.DateOrder), profile.DateOrder.ToString());
            }

            foreach (var (key, mine, theirs) in lists.Where(list => !Extends(list.Mine, list.Theirs)))
            {
                WriteList(json, key, mine);
            }

            var added = lists.Where(list => Extends(list.Mine, list.Theirs) && list.Mine.Count > list.Theirs.Count).ToArray();
            if (added.Length > 0)
            {
                json.WriteStartObject("AddLabels");
                foreach (var (key, mine, theirs) in added)
                {
                    WriteList(json, key, mine.Skip(theirs.Count));
                }

                json.WriteEndObject();
            }

            if (!profile.CurrencySymbols.OrderBy(pair => pair.Key, StringComparer.Ordinal).SequenceEqual(basis.CurrencySymbols.OrderBy(pair => pair.Key, StringComparer.Ordinal)))
            {
                json.WriteStartObject(nameof(ReceiptProfile.CurrencySymbols));
                foreach (var (sign, code) in profile.CurrencySymbols)
                {
                    json.WriteString(sign, code);
                }

                json.WriteEndObject();
            }

            if (profile.ItemLinePattern is { } pattern)
            {
                json.WriteString(nameof(ReceiptProfile.ItemLinePattern), pattern);
            }

            json.WriteEndObject();
        }

        var text = new StringBuilder();
        foreach (var comment in comments)
        {
            text.Append("// ").Append(comment.ReplaceLineEndings(" ")).Append('\n');
        }

        return text.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n').ToString();
    }

    private static bool Extends(IReadOnlyList<string> mine, IReadOnlyList<string> theirs) =>
        mine.Count >= theirs.Count && mine.Take(theirs.Count).SequenceEqual(theirs, StringComparer.Ordinal);

    private static void WriteList(Utf8JsonWriter json, string key, IEnumerable<string> labels)
    {
        json.WriteStartArray(key);
        foreach (var label in labels)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
    }

    private static IEnumerable<(string Key, IReadOnlyList<string> Labels)> Lists(ReceiptProfile profile) =>
    [
        (nameof(ReceiptProfile.AmountDueLabels), profile.AmountDueLabels),
        (nameof(ReceiptProfile.TotalLabels), profile.TotalLabels),
        (nameof(ReceiptProfile.SubtotalLabels), profile.SubtotalLabels),
        (nameof(ReceiptProfile.TaxLabels), profile.TaxLabels),
        (nameof(ReceiptProfile.TaxIncludedWords), profile.TaxIncludedWords),
        (nameof(ReceiptProfile.SavingsLabels), profile.SavingsLabels),
        (nameof(ReceiptProfile.CashGivenLabels), profile.CashGivenLabels),
        (nameof(ReceiptProfile.ChangeLabels), profile.ChangeLabels),
        (nameof(ReceiptProfile.ItemCountLabels), profile.ItemCountLabels),
        (nameof(ReceiptProfile.CardPaymentLabels), profile.CardPaymentLabels),
        (nameof(ReceiptProfile.ReceiptNumberLabels), profile.ReceiptNumberLabels),
        (nameof(ReceiptProfile.OrderNumberLabels), profile.OrderNumberLabels),
        (nameof(ReceiptProfile.NumberDecoyLabels), profile.NumberDecoyLabels),
        (nameof(ReceiptProfile.TableLabels), profile.TableLabels),
        (nameof(ReceiptProfile.PaymentSlipMarkers), profile.PaymentSlipMarkers),
        (nameof(ReceiptProfile.ReportMarkers), profile.ReportMarkers),
        (nameof(ReceiptProfile.KitchenMarkers), profile.KitchenMarkers),
        (nameof(ReceiptProfile.OrderMarkers), profile.OrderMarkers),
        (nameof(ReceiptProfile.TestMarkers), profile.TestMarkers),
        (nameof(ReceiptProfile.TipMarkers), profile.TipMarkers),
        (nameof(ReceiptProfile.VoucherMarkers), profile.VoucherMarkers),
        (nameof(ReceiptProfile.CopyMarkers), profile.CopyMarkers),
        (nameof(ReceiptProfile.RefundMarkers), profile.RefundMarkers),
        (nameof(ReceiptProfile.IgnoreLabels), profile.IgnoreLabels),
    ];
}
