using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>
/// `posloyalty run --headless` as a child process with the POS event protocol (docs/pos-protocol.md): the scanner on a
/// real pseudo-terminal, the POS a client of the Unix socket or the TCP port.
/// </summary>
public sealed partial class PosEventsEndToEndTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang

    private readonly CliFixture cli = new();
    private readonly PseudoTerminal scanner = PseudoTerminal.Open();
    private readonly string config;
    private readonly string socketPath;
    private readonly long anna;

    public PosEventsEndToEndTests()
    {
        config = Path.Combine(cli.Directory, "till.json");
        socketPath = Path.Combine(cli.Directory, "run", "pos.sock"); // a directory the service must create
        var enrolled = cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--json");
        Assert.Equal(0, enrolled.ExitCode);
        anna = Show().GetProperty("customerId").GetInt64();
    }

    public void Dispose()
    {
        scanner.Dispose();
        cli.Dispose();
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Unix_socket_sale_after_a_scan_is_acknowledged_once_durable_and_survives_kill_minus_9()
    {
        WriteConfig("unix:" + socketPath);
        const string Sale = """{"type":"sale","receiptNumber":"R-1001","total":12.50,"currency":"EUR","items":[{"sku":"LAT","description":"Latte","quantity":1,"amount":12.50}],"at":"2025-06-02T09:15:00+02:00"}""";
        using (var service = Start())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(socketPath));
            using var pos = PosClient.Unix(socketPath);

            var balanceBefore = Show().GetProperty("pointsBalance").GetInt64();
            Scan(service, AnnaCard);
            var recorded = pos.Send(Sale);
            Assert.True(recorded.GetProperty("ok").GetBoolean(), recorded.ToString());
            Assert.Equal("recorded", recorded.GetProperty("result").GetString());
            Assert.Equal("R-1001", recorded.GetProperty("receiptNumber").GetString());
            Assert.Equal(anna, recorded.GetProperty("customer").GetInt64());
            var earned = recorded.GetProperty("pointsEarned").GetInt64();
            Assert.True(earned >= 12, "12.50 EUR earns at least 12 points");

            // Acknowledged means committed: another process sees it at once.
            Assert.Equal(1, Show().GetProperty("visits").GetInt32());
            Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1001' AND kind = 'sale' AND customer_id = {anna} AND source = 'pos-event'"));

            // The POS retries after a timeout: the same line earns nothing twice.
            var before = cli.Fingerprint();
            var again = pos.Send(Sale);
            Assert.True(again.GetProperty("ok").GetBoolean());
            Assert.Equal("duplicate", again.GetProperty("result").GetString());
            Assert.Equal(before, cli.Fingerprint());

            // Garbage gets an error line; the connection goes on.
            pos.SendRaw([0x00, 0xFF, 0xFE, (byte)'x', (byte)'\n']);
            var garbage = pos.ReadReply();
            Assert.False(garbage.GetProperty("ok").GetBoolean());
            Assert.Equal(3, garbage.GetProperty("line").GetInt64());
            Assert.Contains("not UTF-8", garbage.GetProperty("error").GetString(), StringComparison.Ordinal);
            var malformed = pos.Send("""{"type":"sale","receiptNumber":"R-1002"}""");
            Assert.False(malformed.GetProperty("ok").GetBoolean());
            Assert.Contains("total is missing", malformed.GetProperty("error").GetString(), StringComparison.Ordinal);
            var unclaimed = pos.Send("""{"type":"sale","receiptNumber":"R-1002","total":3.20}""");
            Assert.Equal("unclaimed", unclaimed.GetProperty("result").GetString());

            // The refund names the sale: what it earned is reversed.
            var refund = pos.Send("""{"type":"refund","receiptNumber":"R-1001","total":-12.50}""");
            Assert.Equal("refunded", refund.GetProperty("result").GetString());
            Assert.Equal(anna, refund.GetProperty("customer").GetInt64());
            Assert.Equal(-earned, refund.GetProperty("pointsEarned").GetInt64());
            Assert.Equal(balanceBefore, Show().GetProperty("pointsBalance").GetInt64());

            service.KillHard();
        }

        // Everything acknowledged is on disk after kill -9.
        Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1001' AND kind = 'sale' AND customer_id = {anna}"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1001' AND kind = 'refund'"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1002' AND kind = 'sale' AND customer_id IS NULL"));
        Assert.True(File.Exists(socketPath), "kill -9 leaves the socket file behind");

        // The restarted service replaces the stale socket and goes on.
        var balanceAfterKill = Show().GetProperty("pointsBalance").GetInt64();
        long earnedAfterRestart;
        using (var restarted = Start())
        {
            using var pos = PosClient.Unix(socketPath);
            Scan(restarted, AnnaCard);
            var next = pos.Send("""{"type":"sale","receiptNumber":"R-1003","total":7}""");
            Assert.Equal("recorded", next.GetProperty("result").GetString());
            Assert.Equal(anna, next.GetProperty("customer").GetInt64());
            earnedAfterRestart = next.GetProperty("pointsEarned").GetInt64();
            Assert.Equal("duplicate", pos.Send(Sale).GetProperty("result").GetString());
        }

        Assert.Equal(balanceAfterKill + earnedAfterRestart, Show().GetProperty("pointsBalance").GetInt64());
    }

    [Fact]
    public void Tcp_takes_several_pos_connections_at_once()
    {
        WriteConfig("tcp://127.0.0.1:0");
        using var service = Start();
        var port = int.Parse(ListeningPort().Match(service.Log).Groups[1].Value, CultureInfo.InvariantCulture);
        using var first = PosClient.Tcp(port);
        using var second = PosClient.Tcp(port);

        Scan(service, AnnaCard);
        var fromSecond = second.Send("""{"type":"sale","receiptNumber":"T-1","total":5}""");
        var fromFirst = first.Send("""{"type":"sale","till":"till-2","receiptNumber":"T-1","total":9}""");
        var garbage = first.Send("{{{{");
        var duplicate = second.Send("""{"type":"sale","receiptNumber":"T-1","total":5}""");

        Assert.Equal("recorded", fromSecond.GetProperty("result").GetString());
        Assert.Equal(anna, fromSecond.GetProperty("customer").GetInt64());
        Assert.Equal("unclaimed", fromFirst.GetProperty("result").GetString());
        Assert.False(garbage.GetProperty("ok").GetBoolean());
        Assert.Equal(2, garbage.GetProperty("line").GetInt64());
        Assert.Equal("duplicate", duplicate.GetProperty("result").GetString());
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sales WHERE till_id = 'till-2' AND receipt_number = 'T-1' AND customer_id IS NULL"));
    }

    private RunningService Start()
    {
        var service = new RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
        scanner.WaitUntilRaw(Patience);
        service.WaitForLog("POS events listening on", Patience);
        return service;
    }

    private void Scan(RunningService service, string card)
    {
        var seen = service.LogLineCount;
        scanner.Write(Encoding.ASCII.GetBytes(card + "\r\n"));
        service.WaitForLog("identified at till", Patience, seen);
    }

    private JsonElement Show()
    {
        var result = cli.Run("customers", "show", AnnaCard, "--json");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private long Scalar(string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void WriteConfig(string listen) => File.WriteAllText(config, $$"""
        {
          "Till": { "Id": "till-1", "ActiveCustomerTimeout": "00:05:00", "LateScanWindow": "00:00:00" },
          "Scanner": { "Device": "{{scanner.SlavePath}}", "BaudRate": 9600 },
          "PosEvents": { "Listen": "{{listen}}" },
          "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" }
        }
        """);

    [GeneratedRegex(@"POS events listening on tcp://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();

    /// <summary>The POS's side: one connection, a line out, a reply line back (with a timeout, never a sleep).</summary>
    private sealed class PosClient : IDisposable
    {
        private readonly Socket socket;
        private readonly NetworkStream stream;
        private readonly StreamReader reader;

        private PosClient(Socket socket)
        {
            this.socket = socket;
            socket.ReceiveTimeout = (int)Patience.TotalMilliseconds;
            stream = new NetworkStream(socket, ownsSocket: true);
            reader = new StreamReader(stream, new UTF8Encoding(false));
        }

        public static PosClient Unix(string path)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return new PosClient(socket);
        }

        public static PosClient Tcp(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return new PosClient(socket);
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
            return JsonDocument.Parse(line).RootElement.Clone();
        }

        public void Dispose()
        {
            reader.Dispose();
            socket.Dispose();
        }
    }
}
