using Microsoft.Extensions.Configuration;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// Layers, lowest first: the shipped kiosk-config/appsettings.json beside the binary,
/// /etc/posloyalty/appsettings.json, --config FILE, POSLOYALTY__* environment variables, --db.
/// </summary>
internal static class ConfigurationLoader
{
    public const string SystemConfigPath = "/etc/posloyalty/appsettings.json";

    public static IConfiguration Load(string? configFile, string? databaseOverride)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "kiosk-config", "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(SystemConfigPath, optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new ConfigurationException($"--config '{configFile}': file does not exist");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(ServiceSettings.EnvironmentPrefix);
        if (databaseOverride is not null)
        {
            if (string.IsNullOrWhiteSpace(databaseOverride))
            {
                throw new ConfigurationException("--db is empty: give a database file path");
            }

            builder.AddInMemoryCollection([new KeyValuePair<string, string?>("Storage:DatabasePath", databaseOverride)]);
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigurationException($"configuration file is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>A relative path from the configuration: the working directory first, then beside the binary.</summary>
    public static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideBinary = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideBinary) ? besideBinary : Path.GetFullPath(path);
    }
}
