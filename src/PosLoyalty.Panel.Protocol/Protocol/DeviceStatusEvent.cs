using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

/// <summary>One device changed state; matched to the idle screen's list by name.</summary>
public sealed record DeviceStatusEvent(DeviceStatus Device) : PanelEvent;
