using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

/// <summary>Every sale waiting for the cashier on this till now, oldest first: sent on attach and whenever the list changes.</summary>
public sealed record PendingSalesEvent(IReadOnlyList<PendingSaleModel> Sales) : PanelEvent;
