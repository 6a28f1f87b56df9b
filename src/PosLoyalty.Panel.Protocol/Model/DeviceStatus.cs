namespace PosLoyalty.Panel.Model;

/// <summary>One device on the idle screen; <see cref="Name"/> is its identity when a status changes.</summary>
public sealed record DeviceStatus(string Name, DeviceState State, string? Detail = null);
