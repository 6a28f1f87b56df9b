using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;

namespace PosLoyalty.Domain.Rules;

/// <summary>Reads loyalty.json text (the caller reads the file). Unknown keys are errors: a typo must not silently do nothing.</summary>
public static class LoyaltyRulesReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static LoyaltyRules Parse(string json, string source)
    {
        LoyaltyRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<LoyaltyRules>(json, Options);
        }
        catch (JsonException ex)
        {
            var key = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the document" : "'" + ex.Path.TrimStart('$', '.') + "'";
            var detail = DescribeValue(json, ex) ?? "is not valid: " + FirstSentence(ex.Message);
            throw new RulesValidationException($"{source}: {key} {detail}", ex);
        }

        if (rules is null)
        {
            throw new RulesValidationException($"{source}: the file is empty or null; it must hold a JSON object of rules");
        }

        var errors = rules.Validate();
        if (errors.Count > 0)
        {
            throw new RulesValidationException($"{source}: " + string.Join("; ", errors));
        }

        return rules;
    }

    /// <summary>For a value of the wrong kind: "= \"Up\" is not allowed: Floor, Nearest, Ceiling".</summary>
    private static string? DescribeValue(string json, JsonException ex)
    {
        var typeName = Regex.Match(ex.Message, @"could not be converted to ([\w.`\[\]]+?)\.?(\s|$)");
        if (!typeName.Success || ex.Path is null)
        {
            return null;
        }

        var type = typeof(LoyaltyRules).Assembly.GetType(typeName.Groups[1].Value) ?? Type.GetType(typeName.Groups[1].Value);
        var value = ValueAt(json, ex.Path);
        if (value is null)
        {
            return null;
        }

        return type is { IsEnum: true }
            ? $"= {value} is not allowed: {string.Join(", ", Enum.GetNames(type))}"
            : $"= {value} is not allowed: expected {Describe(type)}";
    }

    private static string Describe(Type? type) => type switch
    {
        null => "another kind of value",
        _ when type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(decimal?) => "a number",
        _ when type == typeof(string) => "text in quotes",
        _ when type == typeof(TimeOnly?) || type == typeof(TimeOnly) => "a time such as \"14:00\"",
        _ when type == typeof(DateOnly?) || type == typeof(DateOnly) => "a date such as \"2026-03-14\"",
        _ => "a " + type.Name,
    };

    /// <summary>The raw JSON at a path such as $.Campaigns[0].DaysOfWeek[0], or null when it cannot be found.</summary>
    private static string? ValueAt(string json, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var element = doc.RootElement;
            foreach (Match step in Regex.Matches(path, @"\.(\w+)|\[(\d+)\]|\['([^']+)'\]"))
            {
                if (step.Groups[2].Success)
                {
                    var index = int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                    {
                        return null;
                    }

                    element = element[index];
                }
                else if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step.Groups[1].Success ? step.Groups[1].Value : step.Groups[3].Value, out element))
                {
                    return null;
                }
            }

            var raw = element.GetRawText();
            return raw.Length <= 60 ? raw : raw[..60] + "…";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
