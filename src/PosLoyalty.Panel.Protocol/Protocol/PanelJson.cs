using System.Text.Json;
using System.Text.Json.Serialization;

namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// The wire format between panel and service: one camelCase JSON object per line, enums as
/// camelCase strings so a line is readable with socat.
/// </summary>
public static class PanelJson
{
    /// <summary>Read-only once built, so sharing it is safe.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string SerializeCommand(PanelCommand command) => JsonSerializer.Serialize(command, Options);

    public static string SerializeEvent(PanelEvent panelEvent) => JsonSerializer.Serialize(panelEvent, Options);

    /// <exception cref="JsonException">The line is not a known command.</exception>
    public static PanelCommand DeserializeCommand(string line) =>
        JsonSerializer.Deserialize<PanelCommand>(line, Options) ?? throw new JsonException("a command line was 'null'");

    /// <exception cref="JsonException">The line is not a known event.</exception>
    public static PanelEvent DeserializeEvent(string line) =>
        JsonSerializer.Deserialize<PanelEvent>(line, Options) ?? throw new JsonException("an event line was 'null'");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // The other end may not write "type" first (a hand-written line, another serializer).
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // One object per line: never indent.
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
