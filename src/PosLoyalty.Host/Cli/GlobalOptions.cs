using System.CommandLine;

namespace PosLoyalty.Host.Cli;

/// <summary>Options every command takes, before or after the command name.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite database file (config Storage:DatabasePath, env POSLOYALTY__Storage__DatabasePath)",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "an extra appsettings.json layered over the shipped and /etc/posloyalty ones",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "print one JSON document on stdout",
        Recursive = true,
    };
}
