namespace PosLoyalty.Service.PosEvents;

/// <summary>How POS events arrive (config key PosEvents:Listen).</summary>
public enum PosEventsEndpointKind
{
    /// <summary>unix:/run/posloyalty/pos.sock: a Unix domain socket, several connections at once.</summary>
    Unix,

    /// <summary>tcp://HOST:PORT: a TCP listener, several connections at once.</summary>
    Tcp,

    /// <summary>A tty (serial port) or a FIFO path: one line-oriented link, reopened when it goes away.</summary>
    Device,
}
