using Microsoft.Extensions.Logging;

namespace PosLoyalty.Service.Tap;

/// <summary>Turns a parsed <see cref="TapInput"/> into the source of POS links it describes.</summary>
public static class PosLinkSources
{
    /// <summary>Starts listening (TCP) or prepares to open the device, FIFO or file.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">A TCP port that cannot be listened on.</exception>
    public static IPosLinkSource Create(TapInput input, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return input.Kind == TapInputKind.TcpListen
            ? TcpPosLinkListener.Start(input)
            : new DevicePosLinkSource(input, timeProvider, loggerFactory.CreateLogger<DevicePosLinkSource>());
    }
}
