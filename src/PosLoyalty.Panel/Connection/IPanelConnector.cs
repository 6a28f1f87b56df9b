namespace PosLoyalty.Panel.Connection;

/// <summary>How a panel reaches the service: its Unix socket, or the service in the same process.</summary>
public interface IPanelConnector
{
    /// <exception cref="PanelUnavailableException">The service is not there (yet): the panel retries.</exception>
    Task<IPanelConnection> ConnectAsync(CancellationToken cancellationToken);
}
