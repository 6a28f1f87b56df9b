using Microsoft.Extensions.Configuration;
using PosLoyalty.Domain.Rules;

namespace PosLoyalty.Host.Cli;

/// <summary>Reads and validates the rules file named by Loyalty:RulesFile.</summary>
internal static class RulesLoader
{
    public const string DefaultRulesFile = "kiosk-config/loyalty.json";

    public static LoyaltyRules Load(IConfiguration configuration)
    {
        var configured = configuration["Loyalty:RulesFile"] is { Length: > 0 } value ? value : DefaultRulesFile;
        var path = ConfigurationLoader.ResolvePath(configured);
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"Loyalty:RulesFile = \"{configured}\": file does not exist (looked for {path})");
        }

        return LoyaltyRulesReader.Parse(File.ReadAllText(path), "Loyalty:RulesFile " + configured);
    }
}
