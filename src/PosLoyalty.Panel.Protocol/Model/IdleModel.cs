namespace PosLoyalty.Panel.Model;

/// <summary>The screen between customers: clock, devices, today's counts.</summary>
public sealed record IdleModel
{
    public required DateTimeOffset Now { get; init; }

    public IReadOnlyList<DeviceStatus> Devices { get; init; } = [];

    public int SalesToday { get; init; }

    public int LoyaltyVisitsToday { get; init; }
}
