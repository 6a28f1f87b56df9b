namespace PosLoyalty.Service.Hosting;

/// <summary>Why the service stopped itself, if it did: `run` turns it into a non-zero exit so systemd sees a failure.</summary>
public sealed class ServiceStopReason
{
    public string? Failure { get; private set; }

    public void Fail(string reason) => Failure ??= reason;
}
