using Microsoft.Extensions.Configuration;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// Everything `run` needs before it opens a device: the settings, the rules file and the receipt profile. `doctor`
/// loads the same, so a configuration doctor calls healthy is one `run` starts with (docs/adr/0008).
/// </summary>
internal sealed record ServiceConfiguration(ServiceSettings Settings, LoyaltyRules Rules, ReceiptProfile Profile)
{
    /// <summary>Throws <see cref="ServiceConfigurationException"/>, <see cref="ConfigurationException"/> or
    /// <see cref="RulesValidationException"/> (exit 4) with one line naming the key.</summary>
    public static ServiceConfiguration Load(CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Load(ctx.Configuration, () => ctx.Rules);
    }

    /// <summary>The settings of <paramref name="configuration"/>; the rules are read after them, so a misspelt key is named first.</summary>
    public static ServiceConfiguration Load(IConfiguration configuration, Func<LoyaltyRules> readRules)
    {
        ArgumentNullException.ThrowIfNull(readRules);
        var settings = ServiceSettings.Load(configuration);
        var rules = readRules();
        ReceiptProfile profile;
        try
        {
            profile = ReceiptProfileLoader.Load(settings.ReceiptTap.Profile, "ReceiptTap:Profile");
        }
        catch (CliException ex)
        {
            // A profile named in the configuration is a configuration problem, not a bad command line.
            throw new ConfigurationException(ex.Message);
        }

        return new ServiceConfiguration(settings, rules, profile);
    }
}
