using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// Reads a receipt profile's JSON text (the caller reads the file). Unknown keys are errors naming the key: a typo
/// must not silently do nothing. A key left out keeps the built-in `default` profile's value, so a shop's file
/// names only what differs.
/// </summary>
public static class ReceiptProfileReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Parses and validates a profile. <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="ReceiptProfileException">The text is not a valid profile; the message names the key.</exception>
    public static ReceiptProfile Parse(string json, string source, string fallbackName) =>
        Parse(json, source, fallbackName, BuiltInReceiptProfiles.Default);

    /// <summary>Parses a profile whose left-out keys take <paramref name="defaults"/>' values.</summary>
    internal static ReceiptProfile Parse(string json, string source, string fallbackName, ReceiptProfile defaults)
    {
        ArgumentNullException.ThrowIfNull(json);
        ReceiptProfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ReceiptProfileDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ReceiptProfileException($"{source}: {Describe(ex)}", ex);
        }

        if (document is null)
        {
            throw new ReceiptProfileException($"{source}: the file is empty or null; it must hold a JSON object");
        }

        var errors = new List<string>();
        var profile = new ReceiptProfile
        {
            Name = string.IsNullOrWhiteSpace(document.Name) ? fallbackName : document.Name.Trim(),
            Dialect = document.Dialect ?? defaults.Dialect,
            CodePage = CodePage(document.CodePage, errors),
            DecimalSeparator = document.DecimalSeparator ?? defaults.DecimalSeparator,
            DateOrder = document.DateOrder ?? defaults.DateOrder,
            AmountDueLabels = Labels(nameof(ReceiptProfile.AmountDueLabels), document.AmountDueLabels, document.AddLabels?.AmountDueLabels, defaults.AmountDueLabels, errors),
            TotalLabels = Labels(nameof(ReceiptProfile.TotalLabels), document.TotalLabels, document.AddLabels?.TotalLabels, defaults.TotalLabels, errors),
            SubtotalLabels = Labels(nameof(ReceiptProfile.SubtotalLabels), document.SubtotalLabels, document.AddLabels?.SubtotalLabels, defaults.SubtotalLabels, errors),
            TaxLabels = Labels(nameof(ReceiptProfile.TaxLabels), document.TaxLabels, document.AddLabels?.TaxLabels, defaults.TaxLabels, errors),
            TaxIncludedWords = Labels(nameof(ReceiptProfile.TaxIncludedWords), document.TaxIncludedWords, document.AddLabels?.TaxIncludedWords, defaults.TaxIncludedWords, errors),
            SavingsLabels = Labels(nameof(ReceiptProfile.SavingsLabels), document.SavingsLabels, document.AddLabels?.SavingsLabels, defaults.SavingsLabels, errors),
            CashGivenLabels = Labels(nameof(ReceiptProfile.CashGivenLabels), document.CashGivenLabels, document.AddLabels?.CashGivenLabels, defaults.CashGivenLabels, errors),
            ChangeLabels = Labels(nameof(ReceiptProfile.ChangeLabels), document.ChangeLabels, document.AddLabels?.ChangeLabels, defaults.ChangeLabels, errors),
            ItemCountLabels = Labels(nameof(ReceiptProfile.ItemCountLabels), document.ItemCountLabels, document.AddLabels?.ItemCountLabels, defaults.ItemCountLabels, errors),
            CardPaymentLabels = Labels(nameof(ReceiptProfile.CardPaymentLabels), document.CardPaymentLabels, document.AddLabels?.CardPaymentLabels, defaults.CardPaymentLabels, errors),
            ReceiptNumberLabels = Labels(nameof(ReceiptProfile.ReceiptNumberLabels), document.ReceiptNumberLabels, document.AddLabels?.ReceiptNumberLabels, defaults.ReceiptNumberLabels, errors),
            OrderNumberLabels = Labels(nameof(ReceiptProfile.OrderNumberLabels), document.OrderNumberLabels, document.AddLabels?.OrderNumberLabels, defaults.OrderNumberLabels, errors),
            NumberDecoyLabels = Labels(nameof(ReceiptProfile.NumberDecoyLabels), document.NumberDecoyLabels, document.AddLabels?.NumberDecoyLabels, defaults.NumberDecoyLabels, errors),
            TableLabels = Labels(nameof(ReceiptProfile.TableLabels), document.TableLabels, document.AddLabels?.TableLabels, defaults.TableLabels, errors),
            PaymentSlipMarkers = Labels(nameof(ReceiptProfile.PaymentSlipMarkers), document.PaymentSlipMarkers, document.AddLabels?.PaymentSlipMarkers, defaults.PaymentSlipMarkers, errors),
            ReportMarkers = Labels(nameof(ReceiptProfile.ReportMarkers), document.ReportMarkers, document.AddLabels?.ReportMarkers, defaults.ReportMarkers, errors),
            KitchenMarkers = Labels(nameof(ReceiptProfile.KitchenMarkers), document.KitchenMarkers, document.AddLabels?.KitchenMarkers, defaults.KitchenMarkers, errors),
            OrderMarkers = Labels(nameof(ReceiptProfile.OrderMarkers), document.OrderMarkers, document.AddLabels?.OrderMarkers, defaults.OrderMarkers, errors),
            TestMarkers = Labels(nameof(ReceiptProfile.TestMarkers), document.TestMarkers, document.AddLabels?.TestMarkers, defaults.TestMarkers, errors),
            TipMarkers = Labels(nameof(ReceiptProfile.TipMarkers), document.TipMarkers, document.AddLabels?.TipMarkers, defaults.TipMarkers, errors),
            VoucherMarkers = Labels(nameof(ReceiptProfile.VoucherMarkers), document.VoucherMarkers, document.AddLabels?.VoucherMarkers, defaults.VoucherMarkers, errors),
            CopyMarkers = Labels(nameof(ReceiptProfile.CopyMarkers), document.CopyMarkers, document.AddLabels?.CopyMarkers, defaults.CopyMarkers, errors),
            RefundMarkers = Labels(nameof(ReceiptProfile.RefundMarkers), document.RefundMarkers, document.AddLabels?.RefundMarkers, defaults.RefundMarkers, errors),
            IgnoreLabels = Labels(nameof(ReceiptProfile.IgnoreLabels), document.IgnoreLabels, document.AddLabels?.IgnoreLabels, defaults.IgnoreLabels, errors),
            CurrencySymbols = Symbols(document.CurrencySymbols, defaults.CurrencySymbols, errors),
            ItemLinePattern = Pattern(document.ItemLinePattern, errors),
        };

        if (profile.AmountDueLabels.Count + profile.TotalLabels.Count == 0)
        {
            errors.Add("AmountDueLabels and TotalLabels are both empty: no receipt could ever have a total");
        }

        if (errors.Count > 0)
        {
            throw new ReceiptProfileException($"{source}: " + string.Join("; ", errors));
        }

        return profile;
    }

    private static IReadOnlyList<string> Labels(string key, List<string>? given, List<string>? added, IReadOnlyList<string> fallback, List<string> errors)
    {
        if (given is null && added is null)
        {
            return fallback;
        }

        Check(key, given, errors);
        Check("AddLabels." + key, added, errors);
        return Array.AsReadOnly((given ?? (IEnumerable<string>)fallback).Concat(added ?? []).Select(label => label.Trim()).Distinct(StringComparer.Ordinal).ToArray());
    }

    private static void Check(string key, List<string>? given, List<string> errors)
    {
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(given![i]))
            {
                errors.Add($"'{key}[{i}]' is empty: a label needs at least one character");
            }
            else if (!given[i].Any(char.IsLetterOrDigit))
            {
                errors.Add($"'{key}[{i}]' = \"{given[i]}\" has no letter or digit: it would match every line");
            }
        }
    }

    private static int? CodePage(int? codePage, List<string> errors)
    {
        if (codePage is not { } page)
        {
            return null;
        }

        if (!IsKnownCodePage(page))
        {
            errors.Add($"'CodePage' {page} is not a code page this system knows (try 437, 850, 852, 857, 858, 860, 866, 1250, 1251, 1252, 1253 or 1254)");
        }

        return page;
    }

    /// <summary>True when .NET can decode this Windows/IBM code page number (with the code-pages provider registered).</summary>
    public static bool IsKnownCodePage(int codePage)
    {
        if (codePage is <= 0 or > 65535)
        {
            return false;
        }

        try
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            _ = System.Text.Encoding.GetEncoding(codePage);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static IReadOnlyDictionary<string, string> Symbols(Dictionary<string, string>? given, IReadOnlyDictionary<string, string> fallback, List<string> errors)
    {
        if (given is null)
        {
            return fallback;
        }

        foreach (var (sign, code) in given)
        {
            if (string.IsNullOrWhiteSpace(sign) || sign.Any(char.IsDigit) || sign.Trim() != sign)
            {
                errors.Add($"'CurrencySymbols' key \"{sign}\" must be a sign without digits or spaces, such as \"€\" or \"kr\"");
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add($"'CurrencySymbols.{sign}' is empty: say what to report, such as \"EUR\"");
            }
        }

        return new Dictionary<string, string>(given, StringComparer.Ordinal).AsReadOnly();
    }

    private static string? Pattern(string? pattern, List<string> errors)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var names = regex.GetGroupNames();
            if (!names.Contains("description") || !names.Contains("amount"))
            {
                errors.Add("'ItemLinePattern' needs the named groups (?<description>…) and (?<amount>…)");
            }
        }
        catch (ArgumentException ex)
        {
            errors.Add($"'ItemLinePattern' is not a valid regular expression: {ex.Message}");
        }

        return pattern;
    }

    private static string Describe(JsonException ex)
    {
        var path = ex.Path?.TrimStart('$', '.');
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var key = Regex.Match(message, "'([^']+)'", RegexOptions.None, TimeSpan.FromSeconds(1));
            var name = key.Success ? key.Groups[1].Value : path;
            var inAdd = path?.StartsWith(nameof(ReceiptProfileDocument.AddLabels), StringComparison.Ordinal) == true;
            var allowed = (inAdd ? typeof(ReceiptProfileLabelsDocument) : typeof(ReceiptProfileDocument)).GetProperties().Select(p => p.Name);
            return $"unknown key '{(inAdd ? "AddLabels." : string.Empty)}{name}' (allowed: {string.Join(", ", allowed)})";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal) && path is { Length: > 0 })
        {
            var allowed = path switch
            {
                nameof(ReceiptProfile.Dialect) => ": allowed EscPos, StarLine",
                nameof(ReceiptProfile.DecimalSeparator) => ": allowed Auto, Point, Comma",
                nameof(ReceiptProfile.DateOrder) => ": allowed DayMonthYear, MonthDayYear",
                nameof(ReceiptProfile.CodePage) => ": expected a code page number such as 858",
                _ when path.StartsWith(nameof(ReceiptProfile.CurrencySymbols), StringComparison.Ordinal) => ": expected an object of \"sign\": \"code\"",
                _ => ": expected a list of labels in quotes",
            };
            return $"'{path}' has a value of the wrong kind{allowed}";
        }

        return string.IsNullOrEmpty(path) ? "the document is not valid JSON: " + message : $"'{path}' is not valid: {message}";
    }
}
