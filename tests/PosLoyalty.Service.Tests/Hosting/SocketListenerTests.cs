using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Service.Hosting;

namespace PosLoyalty.Service.Tests.Hosting;

/// <summary>The one listener behind the panel and POS-event sockets, on real Unix sockets in a temporary directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SocketListenerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang
    private readonly string directory = Directory.CreateTempSubdirectory("posloyalty-listener-").FullName;

    private string SocketPath => Path.Combine(directory, "run", "test.sock");

    [Fact]
    public async Task A_stale_socket_file_is_replaced_the_socket_is_0660_and_its_file_is_removed_at_stop()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SocketPath)!);
        await LeaveStaleSocketAsync(SocketPath);
        Assert.True(File.Exists(SocketPath));

        var listener = SocketListener.ListenUnix(SocketPath, "Test:Socket");
        using var stopping = new CancellationTokenSource();
        var accepting = listener.AcceptAsync(ReplyAsync("hello"), TimeProvider.System, NullLogger.Instance, stopping.Token);

        Assert.True(listener.ReplacedStaleSocket);
        Assert.Equal(SocketListener.UnixSocketMode, File.GetUnixFileMode(SocketPath));
        Assert.Equal("hello", await ReadAllAsync());

        await stopping.CancelAsync();
        await accepting.WaitAsync(Patience);
        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public async Task A_socket_someone_answers_on_is_not_taken_over_and_the_error_names_the_setting()
    {
        await using var first = SocketListener.ListenUnix(SocketPath, "Test:Socket");

        var error = Assert.Throws<IOException>(() => SocketListener.ListenUnix(SocketPath, "Test:Socket"));

        Assert.Contains("Test:Socket", error.Message, StringComparison.Ordinal);
        Assert.False(first.ReplacedStaleSocket);
        Assert.True(File.Exists(SocketPath));
    }

    [Fact]
    public async Task A_connection_whose_handler_throws_is_closed_and_the_next_connection_is_served()
    {
        var listener = SocketListener.ListenUnix(SocketPath, "Test:Socket");
        using var stopping = new CancellationTokenSource();
        var connections = 0;
        var serveHello = ReplyAsync("hello");
        var accepting = listener.AcceptAsync(
            (socket, token) => Interlocked.Increment(ref connections) == 1
                ? throw new InvalidOperationException("a handler bug, met by the first peer only")
                : serveHello(socket, token),
            TimeProvider.System,
            NullLogger.Instance,
            stopping.Token);

        var first = await ReadAllAsync();
        var second = await ReadAllAsync();

        Assert.Equal(string.Empty, first); // closed, not left hanging
        Assert.Equal("hello", second);
        Assert.False(accepting.IsCompleted);
        await stopping.CancelAsync();
        await accepting.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_tcp_listener_reports_the_port_it_got_and_serves_several_clients_at_once()
    {
        var listener = SocketListener.ListenTcp("127.0.0.1", 0);
        using var stopping = new CancellationTokenSource();
        var bothIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = 0;
        var accepting = listener.AcceptAsync(
            async (socket, token) =>
            {
                using var owned = socket;
                if (Interlocked.Increment(ref open) == 2)
                {
                    bothIn.SetResult();
                }

                await bothIn.Task.WaitAsync(token); // neither is answered until both are connected
                await socket.SendAsync(Encoding.UTF8.GetBytes("hi"), token);
            },
            TimeProvider.System,
            NullLogger.Instance,
            stopping.Token);
        var port = ((System.Net.IPEndPoint)listener.LocalEndPoint).Port;

        var replies = await Task.WhenAll(ReadAllTcpAsync(port), ReadAllTcpAsync(port)).WaitAsync(Patience);

        Assert.Equal($"tcp://127.0.0.1:{port}", listener.Name);
        Assert.All(replies, reply => Assert.Equal("hi", reply));
        await stopping.CancelAsync();
        await accepting.WaitAsync(Patience);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>
    /// A process that binds a socket and exits without removing it, as a killed service does. (.NET's own Socket
    /// removes the file when disposed, so it cannot leave one behind.)
    /// </summary>
    private static async Task LeaveStaleSocketAsync(string path)
    {
        using var python = System.Diagnostics.Process.Start("python3", ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path])!;
        await python.WaitForExitAsync().WaitAsync(Patience);
        Assert.Equal(0, python.ExitCode);
    }

    private static Func<Socket, CancellationToken, Task> ReplyAsync(string text) => async (socket, token) =>
    {
        using var owned = socket;
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), token);
    };

    private async Task<string> ReadAllAsync()
    {
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        return await ReadToEndAsync(client);
    }

    private static async Task<string> ReadAllTcpAsync(int port)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
        return await ReadToEndAsync(client);
    }

    private static async Task<string> ReadToEndAsync(Socket client)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var received = new MemoryStream();
        var buffer = new byte[256];
        int count;
        while ((count = await client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, count);
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
