namespace PosLoyalty.Service.Devices;

/// <summary>One configured device to probe: the config key it came from (Scanner:Device), its value, and the line speed.</summary>
public sealed record DeviceCheck(string Key, string Device, DeviceRole Role, int BaudRate);
