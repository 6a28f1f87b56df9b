namespace PosLoyalty.Service.Devices;

/// <summary>One device's state, with a detail a person can act on ("waiting for /dev/pos/scanner").</summary>
public sealed record DeviceStatus(string Device, DeviceState State, string Detail, DateTimeOffset Since);
