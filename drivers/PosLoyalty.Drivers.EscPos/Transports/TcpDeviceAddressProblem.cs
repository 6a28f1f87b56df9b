namespace PosLoyalty.Drivers.EscPos;

/// <summary>Why a <c>tcp://HOST:PORT</c> device string did not parse; each caller words the message for its own key.</summary>
public enum TcpDeviceAddressProblem
{
    /// <summary>It parsed.</summary>
    None,

    /// <summary>Not a URI with a host.</summary>
    NotAnAddress,

    /// <summary>A path, query, fragment or user name after the host and port.</summary>
    MoreThanHostAndPort,
}
