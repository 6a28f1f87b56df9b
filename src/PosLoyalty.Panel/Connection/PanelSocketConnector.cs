using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.Connection;

/// <summary>Connects `posloyalty panel` to the service's Unix socket; one JSON object per line each way.</summary>
public sealed class PanelSocketConnector(string socketPath) : IPanelConnector
{
    public string SocketPath { get; } = socketPath;

    public async Task<IPanelConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new PanelUnavailableException($"nothing answers on {SocketPath}: {ex.SocketErrorCode}", ex);
        }

        return new Connection(socket);
    }

    private sealed class Connection : IPanelConnection
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
        private readonly NetworkStream _stream;
        private readonly Channel<PanelEvent> _events = Channel.CreateUnbounded<PanelEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        private readonly CancellationTokenSource _closing = new();
        private readonly SemaphoreSlim _writeGate = new(1, 1);
        private readonly Task _reading;

        public Connection(Socket socket)
        {
            _stream = new NetworkStream(socket, ownsSocket: true);
            _reading = Task.Run(ReadAsync);
        }

        public ChannelReader<PanelEvent> Events => _events.Reader;

        public async ValueTask SendAsync(PanelCommand command, CancellationToken cancellationToken)
        {
            var bytes = Utf8.GetBytes(PanelJson.SerializeCommand(command) + "\n");
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await _stream.WriteAsync(bytes, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                _events.Writer.TryComplete(); // the service went away: the panel reconnects
            }
            finally
            {
                _writeGate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _closing.CancelAsync();
            await _stream.DisposeAsync();
            await _reading;
            _closing.Dispose();
            _writeGate.Dispose();
        }

        private async Task ReadAsync()
        {
            try
            {
                using var reader = new StreamReader(_stream, Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
                while (await reader.ReadLineAsync(_closing.Token) is { } line)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    PanelEvent panelEvent;
                    try
                    {
                        panelEvent = PanelJson.DeserializeEvent(line);
                    }
                    catch (Exception ex) when (ex is JsonException or NotSupportedException)
                    {
                        // A newer service may send events this panel does not know: say so, keep going.
                        panelEvent = new ServiceMessageEvent("The service sent something this panel does not understand: update the panel.", IsError: true);
                    }

                    _events.Writer.TryWrite(panelEvent);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Closed by either side.
            }
            finally
            {
                _events.Writer.TryComplete();
            }
        }
    }
}
