namespace PosLoyalty.Panel.Protocol;

/// <summary>The cashier cleared the active customer.</summary>
public sealed record ClearCommand : PanelCommand;
