using System.Text.Json;
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
            throw new RulesValidationException($"{source}: {key} is not valid: {FirstSentence(ex.Message)}", ex);
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

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
