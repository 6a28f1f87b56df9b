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

    private readonly TillRig till = new(TillDevices.Scanner);
    private readonly string socketPath;
    private readonly long anna;

    public PosEventsEndToEndTests()
    {
        socketPath = Path.Combine(till.Cli.Directory, "run", "pos.sock"); // a directory the service must create
        var enrolled = till.Cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--json");
        Assert.Equal(0, enrolled.ExitCode);
        anna = till.Show().GetProperty("customerId").GetInt64();
    }

    public void Dispose() => till.Dispose();

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Unix_socket_sale_after_a_scan_is_acknowledged_once_durable_and_survives_kill_minus_9()
    {
        WriteConfig("unix:" + socketPath);
        const string Sale = """{"type":"sale","receiptNumber":"R-1001","total":12.50,"currency":"EUR","items":[{"sku":"LAT","description":"Latte","quantity":1,"amount":12.50}],"at":"2025-06-02T09:15:00+02:00"}""";
        using (var service = till.Start("POS events listening on"))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(socketPath));
            using var pos = PosClient.Unix(socketPath, Patience);

            var balanceBefore = till.Show().GetProperty("pointsBalance").GetInt64();
            till.Scan(service);
            var recorded = pos.Send(Sale);
            Assert.True(recorded.GetProperty("ok").GetBoolean(), recorded.ToString());
            Assert.Equal("recorded", recorded.GetProperty("result").GetString());
            Assert.Equal("R-1001", recorded.GetProperty("receiptNumber").GetString());
            Assert.Equal(anna, recorded.GetProperty("customer").GetInt64());
            var earned = recorded.GetProperty("pointsEarned").GetInt64();
            Assert.True(earned >= 12, "12.50 EUR earns at least 12 points");

            // Acknowledged means committed: another process sees it at once.
            Assert.Equal(1, till.Show().GetProperty("visits").GetInt32());
            Assert.Equal(1, till.Cli.Scalar($"SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1001' AND kind = 'sale' AND customer_id = {anna} AND source = 'pos-event'"));

            // The POS retries after a timeout: the same line earns nothing twice.
            var before = till.Cli.Fingerprint();
            var again = pos.Send(Sale);
            Assert.True(again.GetProperty("ok").GetBoolean());
            Assert.Equal("duplicate", again.GetProperty("result").GetString());
            Assert.Equal(before, till.Cli.Fingerprint());

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
            Assert.Equal(balanceBefore, till.Show().GetProperty("pointsBalance").GetInt64());

            service.KillHard();
        }

        // Everything acknowledged is on disk after kill -9.
        Assert.Equal(1, till.Cli.Scalar($"SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1001' AND kind = 'sale' AND customer_id = {anna}"));
        Assert.Equal(1, till.Cli.Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1001' AND kind = 'refund'"));
        Assert.Equal(1, till.Cli.Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1002' AND kind = 'sale' AND customer_id IS NULL"));
        Assert.True(File.Exists(socketPath), "kill -9 leaves the socket file behind");

        // The restarted service replaces the stale socket and goes on.
        var balanceAfterKill = till.Show().GetProperty("pointsBalance").GetInt64();
        long earnedAfterRestart;
        using (var restarted = till.Start("POS events listening on"))
        {
            using var pos = PosClient.Unix(socketPath, Patience);
            till.Scan(restarted);
            var next = pos.Send("""{"type":"sale","receiptNumber":"R-1003","total":7}""");
            Assert.Equal("recorded", next.GetProperty("result").GetString());
            Assert.Equal(anna, next.GetProperty("customer").GetInt64());
            earnedAfterRestart = next.GetProperty("pointsEarned").GetInt64();
            Assert.Equal("duplicate", pos.Send(Sale).GetProperty("result").GetString());
        }

        Assert.Equal(balanceAfterKill + earnedAfterRestart, till.Show().GetProperty("pointsBalance").GetInt64());
    }

    [Fact]
    public void Tcp_takes_several_pos_connections_at_once()
    {
        WriteConfig("tcp://127.0.0.1:0");
        using var service = till.Start("POS events listening on");
        var port = int.Parse(ListeningPort().Match(service.Log).Groups[1].Value, CultureInfo.InvariantCulture);
        using var first = PosClient.Tcp(port, Patience);
        using var second = PosClient.Tcp(port, Patience);

        till.Scan(service);
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
        Assert.Equal(1, till.Cli.Scalar("SELECT COUNT(*) FROM sales WHERE till_id = 'till-2' AND receipt_number = 'T-1' AND customer_id IS NULL"));
    }

    private void WriteConfig(string listen) => till.WriteConfig(
        till: """ "Id": "till-1", "ActiveCustomerTimeout": "00:05:00", "LateScanWindow": "00:00:00" """,
        sections: $$""" "PosEvents": { "Listen": "{{listen}}" }""");

    [GeneratedRegex(@"POS events listening on tcp://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();
}
