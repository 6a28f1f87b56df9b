using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Devices;

/// <summary>A device changed state: the panel's idle screen shows it.</summary>
public sealed record DeviceStatusChanged(DateTimeOffset At, DeviceStatus Status) : TillEvent(At);
