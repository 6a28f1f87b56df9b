using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Service.PosEvents;

/// <summary>
/// Reads one POS event line (docs/pos-protocol.md). Strict: a field this version does not know, a wrong type, a
/// value out of range or a field given twice is an error naming the field, so an integration mistake shows at
/// once instead of costing customers their visits later. Errors never repeat the line's content (it may hold
/// anything), only field names and rules.
/// </summary>
public static class PosEventReader
{
    /// <summary>The largest total or item amount accepted, as for a manual sale.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>The largest item quantity accepted.</summary>
    public const decimal MaxQuantity = 100_000m;

    /// <summary>Amounts are stored to 1/10,000 of the currency unit.</summary>
    public const int MaxDecimals = 4;

    /// <summary>Items in one event.</summary>
    public const int MaxItems = 1000;

    /// <summary>A till id, as <see cref="Sale.Create"/> allows.</summary>
    public const int MaxTillLength = 64;

    /// <summary>An article code.</summary>
    public const int MaxSkuLength = 64;

    /// <summary>An item's description.</summary>
    public const int MaxDescriptionLength = 200;

    private const string Fields = "type, till, receiptNumber, total, currency, items, at";
    private const string ItemFields = "sku, description, quantity, amount";

    private static readonly HashSet<string> EventFieldNames = new(Fields.Split(", "), StringComparer.Ordinal);
    private static readonly HashSet<string> ItemFieldNames = new(ItemFields.Split(", "), StringComparer.Ordinal);
    private static readonly string[] AtFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 8,
    };

    /// <summary>
    /// Parses <paramref name="line"/>. On failure <paramref name="error"/> starts with "line N:" and names the field.
    /// </summary>
    public static bool TryParse(string line, long lineNumber, [NotNullWhen(true)] out PosEvent? posEvent, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        var problem = Read(line, out posEvent);
        if (problem is null && posEvent is not null)
        {
            error = null;
            return true;
        }

        posEvent = null;
        error = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {problem}");
        return false;
    }

    private static string? Read(string line, out PosEvent? posEvent)
    {
        posEvent = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return string.Create(CultureInfo.InvariantCulture, $"not valid JSON (byte {ex.BytePositionInLine ?? 0}); send one JSON object per line");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "an event must be a JSON object";
            }

            if (CheckNames(root, EventFieldNames, string.Empty, Fields) is { } names)
            {
                return names;
            }

            if (ReadType(root, out var type) is { } typeError)
            {
                return typeError;
            }

            if (ReadText(root, "receiptNumber", Sale.MaxReceiptNumberLength, required: true, out var receiptNumber) is { } numberError)
            {
                return numberError;
            }

            if (ReadText(root, "till", MaxTillLength, required: false, out var till) is { } tillError)
            {
                return tillError;
            }

            if (ReadTotal(root, type, out var total) is { } totalError)
            {
                return totalError;
            }

            if (ReadCurrency(root, out var currency) is { } currencyError)
            {
                return currencyError;
            }

            if (ReadItems(root, out var items) is { } itemsError)
            {
                return itemsError;
            }

            if (ReadAt(root, out var at) is { } atError)
            {
                return atError;
            }

            posEvent = new PosEvent(type, till, receiptNumber!, total, currency, items, at);
            return null;
        }
    }

    private static string? CheckNames(JsonElement element, HashSet<string> allowed, string prefix, string allowedText)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                return $"{prefix}unknown field '{Clip(property.Name)}' (allowed: {allowedText})";
            }

            if (!seen.Add(property.Name))
            {
                return $"{prefix}{property.Name} is given twice";
            }
        }

        return null;
    }

    private static string? ReadType(JsonElement root, out PosEventType type)
    {
        type = PosEventType.Sale;
        if (!TryGet(root, "type", out var value))
        {
            return "type is missing (sale, refund or void)";
        }

        switch (value.ValueKind == JsonValueKind.String ? value.GetString() : null)
        {
            case "sale":
                type = PosEventType.Sale;
                return null;
            case "refund":
                type = PosEventType.Refund;
                return null;
            case "void":
                type = PosEventType.Void;
                return null;
            default:
                return "type must be \"sale\", \"refund\" or \"void\"";
        }
    }

    private static string? ReadText(JsonElement element, string name, int maxLength, bool required, out string? text, string prefix = "")
    {
        text = null;
        if (!TryGet(element, name, out var value))
        {
            return required ? $"{prefix}{name} is missing" : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"{prefix}{name} must be a string";
        }

        var trimmed = value.GetString()!.Trim();
        if (trimmed.Length == 0 || trimmed.Length > maxLength || trimmed.Any(char.IsControl))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}{name} must be 1 to {maxLength} printable characters");
        }

        text = trimmed;
        return null;
    }

    private static string? ReadTotal(JsonElement root, PosEventType type, out decimal? total)
    {
        total = null;
        if (!TryGet(root, "total", out var value))
        {
            // A refund or void names its sale; what it reverses is what that sale earned, whatever the amount.
            return type == PosEventType.Sale ? "total is missing" : null;
        }

        if (ReadNumber(value, "total", out var amount) is { } error)
        {
            return error;
        }

        if (type == PosEventType.Sale && amount < 0m)
        {
            return "total is negative: send a refund (type \"refund\") naming the sale's receiptNumber instead";
        }

        if (Math.Abs(amount) > MaxAmount)
        {
            return "total is above 1,000,000: check the amount";
        }

        total = amount;
        return null;
    }

    private static string? ReadNumber(JsonElement value, string name, out decimal number)
    {
        number = 0m;
        if (value.ValueKind != JsonValueKind.Number)
        {
            return $"{name} must be a number (12.50, not \"12.50\")";
        }

        if (!value.TryGetDecimal(out number))
        {
            return $"{name} is not a number in range";
        }

        if (decimal.Round(number, MaxDecimals) != number)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} has more than {MaxDecimals} decimals");
        }

        return null;
    }

    private static string? ReadCurrency(JsonElement root, out string? currency)
    {
        currency = null;
        if (!TryGet(root, "currency", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: 3 } text || !CurrencyCode.TryParse(text, out var code, out _))
        {
            return "currency must be an ISO 4217 code such as \"EUR\"";
        }

        currency = code.Value;
        return null;
    }

    private static string? ReadItems(JsonElement root, out IReadOnlyList<PosEventItem> items)
    {
        items = [];
        if (!TryGet(root, "items", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return "items must be an array";
        }

        if (value.GetArrayLength() > MaxItems)
        {
            return string.Create(CultureInfo.InvariantCulture, $"items has more than {MaxItems} entries");
        }

        var list = new List<PosEventItem>(value.GetArrayLength());
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"items[{index}].");
            if (element.ValueKind != JsonValueKind.Object)
            {
                return string.Create(CultureInfo.InvariantCulture, $"items[{index}] must be an object");
            }

            if (CheckNames(element, ItemFieldNames, prefix, ItemFields) is { } names)
            {
                return names;
            }

            if (ReadText(element, "sku", MaxSkuLength, required: false, out var sku, prefix) is { } skuError)
            {
                return skuError;
            }

            if (ReadText(element, "description", MaxDescriptionLength, required: true, out var description, prefix) is { } descriptionError)
            {
                return descriptionError;
            }

            if (!TryGet(element, "quantity", out var quantityValue))
            {
                return prefix + "quantity is missing";
            }

            if (ReadNumber(quantityValue, prefix + "quantity", out var quantity) is { } quantityError)
            {
                return quantityError;
            }

            if (quantity <= 0m || quantity > MaxQuantity)
            {
                return prefix + "quantity must be above 0 and at most 100,000";
            }

            if (!TryGet(element, "amount", out var amountValue))
            {
                return prefix + "amount is missing";
            }

            if (ReadNumber(amountValue, prefix + "amount", out var amount) is { } amountError)
            {
                return amountError;
            }

            if (Math.Abs(amount) > MaxAmount)
            {
                return prefix + "amount is above 1,000,000: check the amount";
            }

            list.Add(new PosEventItem(sku, description!, quantity, amount));
            index++;
        }

        items = list;
        return null;
    }

    private static string? ReadAt(JsonElement root, out DateTimeOffset? at)
    {
        at = null;
        if (!TryGet(root, "at", out var value))
        {
            return null;
        }

        const string Expected = "at must be an ISO 8601 time with its offset, such as \"2025-06-02T14:03:00+02:00\" or \"2025-06-02T12:03:00Z\"";
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 and <= 40 } text || !HasOffset(text)
            || !DateTimeOffset.TryParseExact(text, AtFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Expected;
        }

        at = parsed;
        return null;
    }

    // 'K' also matches nothing: a time without an offset would be read as the local one, which is the ambiguity this field rules out.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':' && char.IsAsciiDigit(text[^5]) && char.IsAsciiDigit(text[^4]) && char.IsAsciiDigit(text[^2]) && char.IsAsciiDigit(text[^1]));

    // JSON null is "not given", as for an optional field left out.
    private static bool TryGet(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string Clip(string name)
    {
        var printable = new string(name.Where(c => !char.IsControl(c)).Take(32).ToArray());
        return name.Length > 32 ? printable + "…" : printable;
    }
}
