using System.Net.Sockets;
using System.Text;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>Plays systemd's side of sd_notify: a real AF_UNIX datagram socket bound in a temp directory (or the abstract namespace).</summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    /// <param name="pathOrAbstractName">A file path, or a name starting with '@' for the abstract namespace.</param>
    public NotifySocket(string pathOrAbstractName)
    {
        Address = pathOrAbstractName;
        socket.Bind(new UnixDomainSocketEndPoint(pathOrAbstractName.StartsWith('@') ? "\0" + pathOrAbstractName[1..] : pathOrAbstractName));
    }

    /// <summary>What goes in NOTIFY_SOCKET.</summary>
    public string Address { get; }

    /// <summary>The next datagram, or null when none came in time.</summary>
    public string? Receive(TimeSpan timeout)
    {
        if (!socket.Poll(timeout, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[4096];
        var n = socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    /// <summary>Receives until a datagram holds the line <paramref name="assignment"/>; returns every datagram seen.</summary>
    public List<string> ReceiveUntil(string assignment, TimeSpan timeout) =>
        ReceiveUntil(message => message.Split('\n').Contains(assignment), $"'{assignment}'", timeout);

    /// <summary>Receives until a datagram <paramref name="matches"/>; returns every datagram seen.</summary>
    public List<string> ReceiveUntil(Func<string, bool> matches, string what, TimeSpan timeout)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = Receive(deadline - DateTime.UtcNow);
            if (message is null)
            {
                break;
            }

            seen.Add(message);
            if (matches(message))
            {
                return seen;
            }
        }

        throw new TimeoutException($"no {what} within {timeout}; received: [{string.Join(" | ", seen)}]");
    }

    public void Dispose() => socket.Dispose();
}
