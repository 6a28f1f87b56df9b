namespace PosLoyalty.Service.Configuration;

/// <summary>The `Display` section: a 2×20 pole display facing the customer.</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";

    public string? Device { get; set; }

    /// <summary>CD5220 or EpsonDmD.</summary>
    public string Protocol { get; set; } = "CD5220";

    public int BaudRate { get; set; } = 9600;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Device);

    public IEnumerable<string> Validate()
    {
        if (Protocol is not ("CD5220" or "EpsonDmD"))
        {
            yield return $"Display:Protocol '{Protocol}' is not known (allowed: CD5220, EpsonDmD)";
        }
    }
}
