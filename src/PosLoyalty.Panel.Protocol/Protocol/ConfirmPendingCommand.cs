namespace PosLoyalty.Panel.Protocol;

/// <summary>The cashier credits a waiting sale (once: a second confirm changes nothing).</summary>
public sealed record ConfirmPendingCommand(long PendingId) : PanelCommand;
