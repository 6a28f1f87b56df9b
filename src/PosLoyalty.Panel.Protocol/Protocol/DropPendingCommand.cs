namespace PosLoyalty.Panel.Protocol;

/// <summary>The cashier drops a waiting sale: it is never credited.</summary>
public sealed record DropPendingCommand(long PendingId) : PanelCommand;
