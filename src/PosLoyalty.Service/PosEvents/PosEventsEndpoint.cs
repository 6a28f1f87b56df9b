using System.Diagnostics.CodeAnalysis;
using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Service.PosEvents;

/// <summary>
/// The parsed value of <c>PosEvents:Listen</c> (docs/pos-protocol.md): <c>unix:/run/posloyalty/pos.sock</c>,
/// <c>tcp://HOST:PORT</c> (port 0 picks a free port, for tests) or a tty/FIFO path such as <c>/dev/pos/pos-events</c>.
/// </summary>
/// <param name="Kind">Unix socket, TCP listener or device.</param>
/// <param name="Path">The socket or device path; null for TCP.</param>
/// <param name="Host">The address to listen on; null unless TCP.</param>
/// <param name="Port">The TCP port (0: any free port); 0 unless TCP.</param>
public sealed record PosEventsEndpoint(PosEventsEndpointKind Kind, string? Path, string? Host, int Port)
{
    /// <summary>The configuration key this value comes from, named in every error.</summary>
    public const string ConfigurationKey = "PosEvents:Listen";

    private const string Allowed = "allowed: unix:/path/pos.sock, tcp://HOST:PORT, or a tty path such as /dev/ttyUSB1";

    /// <summary>Parses a configured value; on failure <paramref name="error"/> names the key, the value and what is allowed.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out PosEventsEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = $"{ConfigurationKey} is empty; {Allowed}.";
            return false;
        }

        if (TcpDeviceAddress.IsTcp(text))
        {
            if (!TcpDeviceAddress.TryParse(text, out var address, out _))
            {
                error = $"{ConfigurationKey} \"{text}\" is not tcp://HOST:PORT (e.g. tcp://127.0.0.1:7300); {Allowed}.";
                return false;
            }

            if (address.Port is not { } port)
            {
                error = $"{ConfigurationKey} \"{text}\" has no port; write tcp://{address.Host}:PORT.";
                return false;
            }

            endpoint = new PosEventsEndpoint(PosEventsEndpointKind.Tcp, null, address.Address, port);
            error = null;
            return true;
        }

        var kind = PosEventsEndpointKind.Device;
        var path = text;
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            kind = PosEventsEndpointKind.Unix;
            path = text["unix:".Length..];
        }

        if (path.Contains("://", StringComparison.Ordinal) || !System.IO.Path.IsPathRooted(path) || path.EndsWith('/'))
        {
            error = $"{ConfigurationKey} \"{text}\" is not an absolute socket or device path; {Allowed}.";
            return false;
        }

        endpoint = new PosEventsEndpoint(kind, path, null, 0);
        error = null;
        return true;
    }

    /// <summary>The canonical form, as configured.</summary>
    public override string ToString() => Kind switch
    {
        PosEventsEndpointKind.Tcp => TcpDeviceAddress.Format(Host!, Port),
        PosEventsEndpointKind.Unix => "unix:" + Path,
        _ => Path!,
    };
}
