namespace PosLoyalty.Service.Configuration;

/// <summary>The `Loyalty` section: which rules file the till applies (docs/configuration.md, "Loyalty rules").</summary>
public sealed class LoyaltyOptions
{
    public const string Section = "Loyalty";

    public string? RulesFile { get; set; }

    public IEnumerable<string> Validate() => [];
}
