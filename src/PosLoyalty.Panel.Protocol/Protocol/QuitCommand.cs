namespace PosLoyalty.Panel.Protocol;

/// <summary>The cashier asked to leave the panel; the loop ends, the service keeps running.</summary>
public sealed record QuitCommand : PanelCommand;
