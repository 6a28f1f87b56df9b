using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Devices;

/// <summary>The current state of every device, kept by their hosted services and read by the panel and doctor.</summary>
public sealed class DeviceStatusBoard(TillEventHub hub, TimeProvider time)
{
    public const string Scanner = "scanner";
    public const string ReceiptTap = "pos";
    public const string Printer = "printer";
    public const string PosEvents = "pos-events";
    public const string Display = "display";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeviceStatus> _statuses = new(StringComparer.Ordinal);

    /// <summary>Records a state; publishes it only when the state or detail changed, so a retry loop does not flood the panel.</summary>
    public void Set(string device, DeviceState state, string detail)
    {
        DeviceStatus status;
        lock (_gate)
        {
            if (_statuses.TryGetValue(device, out var current) && current.State == state && current.Detail == detail)
            {
                return;
            }

            status = new DeviceStatus(device, state, detail, time.GetUtcNow());
            _statuses[device] = status;
        }

        hub.Publish(new DeviceStatusChanged(status.Since, status));
    }

    public IReadOnlyList<DeviceStatus> Snapshot()
    {
        lock (_gate)
        {
            return _statuses.Values.OrderBy(s => s.Device, StringComparer.Ordinal).ToList();
        }
    }
}
