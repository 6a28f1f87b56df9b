using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>The POS's side of docs/pos-protocol.md: one connection, a line out, a reply line back (with a timeout, never a sleep).</summary>
internal sealed class PosClient : IDisposable
{
    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly StreamReader reader;

    private PosClient(Socket socket, TimeSpan timeout)
    {
        this.socket = socket;
        socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        stream = new NetworkStream(socket, ownsSocket: true);
        reader = new StreamReader(stream, new UTF8Encoding(false));
    }

    public static PosClient Unix(string path, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new PosClient(socket, timeout);
    }

    public static PosClient Tcp(int port, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new PosClient(socket, timeout);
    }

    public JsonElement Send(string line)
    {
        SendRaw(Encoding.UTF8.GetBytes(line + "\n"));
        return ReadReply();
    }

    public void SendRaw(byte[] bytes) => stream.Write(bytes);

    public JsonElement ReadReply()
    {
        var line = reader.ReadLine() ?? throw new EndOfStreamException("the service closed the connection");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        reader.Dispose();
        socket.Dispose();
    }
}
