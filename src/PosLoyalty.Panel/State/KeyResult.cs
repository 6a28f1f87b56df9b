using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>What a key press did: the next state and, at most, one command for the service.</summary>
public sealed record KeyResult(PanelState State, PanelCommand? Command = null);
