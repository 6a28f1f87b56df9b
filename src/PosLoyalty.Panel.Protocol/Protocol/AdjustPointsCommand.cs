namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// A manual points change. The service checks <see cref="ManagerPin"/> against its PBKDF2 hash and
/// writes the audit row; the panel only collects it.
/// </summary>
public sealed record AdjustPointsCommand(long CustomerId, long Points, string Reason, string ManagerPin) : PanelCommand
{
    // Keep the PIN out of any log line that prints the command.
    public override string ToString() => $"AdjustPointsCommand {{ CustomerId = {CustomerId}, Points = {Points}, Reason = {Reason} }}";
}
