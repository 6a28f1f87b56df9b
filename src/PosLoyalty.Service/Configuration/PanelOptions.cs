namespace PosLoyalty.Service.Configuration;

/// <summary>The `Panel` section: the Unix socket cashier panels attach to.</summary>
public sealed class PanelOptions
{
    public const string Section = "Panel";

    public string Socket { get; set; } = "/run/posloyalty/panel.sock";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Socket) || Socket.Length > 100)
        {
            yield return $"Panel:Socket '{Socket}' must be a path of 1 to 100 characters (a Unix socket path is limited to 108 bytes)";
        }
    }
}
