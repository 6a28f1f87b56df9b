using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PosLoyalty.Service.Tests.Panel;

/// <summary>A raw JSON-lines client, as socat would be: the test sees exactly what goes over the socket.</summary>
internal sealed class PanelClient(Socket socket) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang
    private readonly NetworkStream stream = new(socket, ownsSocket: true);
    private readonly List<string> received = [];
    private StreamReader? reader;

    public IReadOnlyList<string> Received => received;

    public void Send(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        stream.Write(bytes);
    }

    /// <summary>Reads lines until one has the given "type" (and matches <paramref name="match"/>); returns it.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var json = await NextAsync($"a '{type}' event", timeout.Token);
            if (json.GetProperty("type").GetString() == type && (match is null || match(json)))
            {
                return json;
            }
        }
    }

    /// <summary>Reads lines until each wanted event has come, in whatever order the service sent them.</summary>
    public async Task WaitForEachAsync(params (string Type, Func<JsonElement, bool> Match)[] wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var missing = wanted.ToList();
        while (missing.Count > 0)
        {
            var json = await NextAsync(string.Join(", ", missing.Select(m => m.Type)), timeout.Token);
            missing.RemoveAll(m => json.GetProperty("type").GetString() == m.Type && m.Match(json));
        }
    }

    private async Task<JsonElement> NextAsync(string waitingFor, CancellationToken cancellationToken)
    {
        reader ??= new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        var line = await reader.ReadLineAsync(cancellationToken)
            ?? throw new EndOfStreamException($"the service closed the connection before {waitingFor}; got:\n{string.Join('\n', received)}");
        received.Add(line);
        return JsonDocument.Parse(line).RootElement;
    }

    public void Dispose()
    {
        reader?.Dispose();
        stream.Dispose();
    }
}
