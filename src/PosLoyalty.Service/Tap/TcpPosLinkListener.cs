using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PosLoyalty.Service.Hosting;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// ReceiptTap:Input tcp://HOST:PORT: the tap listens where the POS expects its printer. Many POS drivers open one
/// connection per job; connections are accepted one after another (later ones wait in the listen backlog while a job
/// is pumped), so jobs never interleave on the printer.
/// </summary>
public sealed class TcpPosLinkListener : IPosLinkSource
{
    private readonly Socket _listener;

    private TcpPosLinkListener(Socket listener)
    {
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        Name = string.Create(CultureInfo.InvariantCulture, $"tcp://{LocalEndPoint}");
    }

    /// <summary>The address and port listened on (the real port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Binds and listens on <paramref name="host"/>:<paramref name="port"/> (0.0.0.0 / :: for every interface).</summary>
    /// <exception cref="SocketException">The port is in use or the address is not local.</exception>
    public static TcpPosLinkListener Start(string host, int port) => new(SocketListener.BindTcp(host, port));

    /// <summary>Starts the listener a parsed <see cref="TapInput"/> names.</summary>
    public static TcpPosLinkListener Start(TapInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Kind != TapInputKind.TcpListen)
        {
            throw new ArgumentException($"{TapInput.ConfigurationKey} {input} is not tcp://HOST:PORT.", nameof(input));
        }

        return Start(input.Host!, input.Port);
    }

    /// <inheritdoc />
    public async ValueTask<IPosLink?> AcceptAsync(CancellationToken cancellationToken)
    {
        Socket connection = await _listener.AcceptAsync(cancellationToken);
        connection.NoDelay = true;
        connection.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        string name = string.Create(CultureInfo.InvariantCulture, $"tcp://{connection.RemoteEndPoint}");
        return new StreamPosLink(new NetworkStream(connection, ownsSocket: true), name, hasBackChannel: true);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
