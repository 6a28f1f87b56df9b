using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

/// <summary>A full idle-screen snapshot: sent on connect and when today's counts change.</summary>
public sealed record IdleUpdatedEvent(IdleModel Idle) : PanelEvent;
