using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace PosLoyalty.Service.Configuration;

/// <summary>
/// One line for a key or section nobody reads: its path, the layer it came from (the JSON file, or the
/// POSLOYALTY__ environment variable) and the known name it most likely meant.
/// </summary>
internal static class UnknownConfigurationKey
{
    public static string Describe(IConfiguration configuration, string path, IEnumerable<string> known, string what)
    {
        var (source, spelled) = Find(configuration, path);
        var nearest = NearestName.Find(spelled[(spelled.LastIndexOf(':') + 1)..], known);
        var parent = spelled.Contains(':', StringComparison.Ordinal) ? spelled[..(spelled.LastIndexOf(':') + 1)] : string.Empty;
        return $"unknown {what} {spelled}{(source is null ? string.Empty : " in " + source)}"
            + (nearest is null ? string.Empty : $": did you mean {parent}{nearest}?")
            + " (docs/configuration.md lists the keys)";
    }

    // The highest layer holding the key wins, as it does for the value; each provider keeps the key's own spelling.
    private static (string? Source, string Spelled) Find(IConfiguration configuration, string path)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return (null, path);
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (Spelling(provider, path) is not { } spelled)
            {
                continue;
            }

            return provider switch
            {
                FileConfigurationProvider file => (file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? string.Empty).PhysicalPath ?? file.Source.Path, spelled),
                EnvironmentVariablesConfigurationProvider => ("environment variable " + ServiceSettings.EnvironmentPrefix + spelled.Replace(":", "__", StringComparison.Ordinal)
                    + (provider.TryGet(spelled, out _) ? string.Empty : "__…"), spelled),
                _ => (provider.ToString(), spelled),
            };
        }

        return (null, path);
    }

    private static string? Spelling(IConfigurationProvider provider, string path)
    {
        string? parent = null;
        foreach (var segment in path.Split(':'))
        {
            var own = provider.GetChildKeys([], parent).FirstOrDefault(k => string.Equals(k, segment, StringComparison.OrdinalIgnoreCase));
            if (own is null)
            {
                return null;
            }

            parent = parent is null ? own : parent + ":" + own;
        }

        return parent;
    }
}
