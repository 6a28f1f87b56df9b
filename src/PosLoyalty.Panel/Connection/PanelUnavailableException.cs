namespace PosLoyalty.Panel.Connection;

/// <summary>The service does not answer on the panel socket: not running, restarting, or the path is wrong.</summary>
public sealed class PanelUnavailableException : Exception
{
    public PanelUnavailableException()
    {
    }

    public PanelUnavailableException(string message)
        : base(message)
    {
    }

    public PanelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
