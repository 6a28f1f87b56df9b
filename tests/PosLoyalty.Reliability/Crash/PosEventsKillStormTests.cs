using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using PosLoyalty.Reliability.Infrastructure;
using Xunit.Abstractions;

namespace PosLoyalty.Reliability.Crash;

/// <summary>
/// `posloyalty run --headless` with PosEvents on a Unix socket and the scanner on a pty; two POS connections send
/// sales as fast as the replies come, and the service is killed with SIGKILL at a random moment while lines are in
/// flight, then started again. A sale is acknowledged only when its ok reply arrived; unanswered ones are sent
/// again after the restart (as a POS retries). After every kill: the file holds every acknowledged sale once and
/// whole, balances are the ledger's sums, integrity_check is ok, no coupon is both pending and printed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PosEventsKillStormTests(ITestOutputHelper output) : IDisposable
{
    private const string Till = "till-1";
    private const string AnnaCard = "20000000042";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CliFixture cli = new();
    private readonly PseudoTerminal scanner = PseudoTerminal.Open();

    public void Dispose()
    {
        scanner.Dispose();
        cli.Dispose();
    }

    [Fact]
    public async Task Kill_minus_9_with_lines_in_flight_loses_no_acknowledged_sale_and_doubles_none()
    {
        var cycles = Soak.Scale(25);
        var config = Path.Combine(cli.Directory, "till.json");
        var socket = Path.Combine(cli.Directory, "run", "pos.sock");
        File.WriteAllText(config, $$"""
            {
              "Till": { "Id": "{{Till}}", "ActiveCustomerTimeout": "00:05:00", "LateScanWindow": "00:00:00" },
              "Scanner": { "Device": "{{scanner.SlavePath}}", "BaudRate": 9600 },
              "PosEvents": { "Listen": "unix:{{socket}}" },
              "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" }
            }
            """);
        cli.Enrol([(AnnaCard, "Anna Rossi")]);

        var storm = new StormLedger();
        var retry = new ConcurrentQueue<string>();
        var random = new Random(8080);
        var next = 0;
        var inFlightAtKill = 0;
        var duplicatesAnswered = 0;
        var stopwatch = Stopwatch.StartNew();

        void Client(int seed, CancellationToken stop)
        {
            var r = new Random(seed);
            using var pos = PosClient.Unix(socket, Patience);
            while (!stop.IsCancellationRequested)
            {
                var receipt = r.Next(3) == 0 && retry.TryDequeue(out var again) ? again : "P-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
                var items = ItemsOf(receipt);
                storm.Sending(receipt, items);
                JsonElement reply;
                try
                {
                    reply = pos.Send(SaleLine(receipt, items));
                }
                catch (Exception ex) when (ex is IOException or SocketException or EndOfStreamException or ObjectDisposedException)
                {
                    // Killed with this line in flight: the POS sends it again after the restart.
                    retry.Enqueue(receipt);
                    Interlocked.Increment(ref inFlightAtKill);
                    return;
                }

                Assert.True(reply.GetProperty("ok").GetBoolean(), $"{receipt}: {reply}");
                var result = reply.GetProperty("result").GetString();
                Assert.True(result is "recorded" or "unclaimed" or "duplicate", $"{receipt}: {reply}");
                if (result == "duplicate")
                {
                    Interlocked.Increment(ref duplicatesAnswered);
                }
                else
                {
                    Assert.False(storm.IsAcknowledged(receipt), $"{receipt} acknowledged before, now recorded again: {reply}");
                }

                storm.Acknowledge(receipt);
            }
        }

        for (var cycle = 0; cycle <= cycles; cycle++)
        {
            using var service = new RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
            scanner.WaitUntilRaw(Patience);
            service.WaitForLog("POS events listening on", Patience);

            // The customer at the counter claims the next sale, so ledger rows are written in the storm too.
            var seen = service.LogLineCount;
            scanner.Write(Encoding.ASCII.GetBytes(AnnaCard + "\r\n"));
            service.WaitForLog("identified at till", Patience, seen);

            using var stop = new CancellationTokenSource();
            var clients = new[] { 1, 2 }.Select(c => Task.Factory.StartNew(() => Client((cycle * 10) + c, stop.Token), TaskCreationOptions.LongRunning)).ToArray();
            if (cycle == cycles)
            {
                // The last round is not killed: whatever is left to retry goes through.
                while (!retry.IsEmpty && clients.All(c => !c.IsCompleted))
                {
                    await Task.Delay(20);
                }

                await Task.Delay(200);
                await stop.CancelAsync();
                await Task.WhenAll(clients).WaitAsync(Patience);
                service.KillHard();
            }
            else
            {
                await Task.Delay(random.Next(20, 400));
                service.KillHard();
                await stop.CancelAsync();
                await Task.WhenAll(clients).WaitAsync(Patience);
            }

            DatabaseInvariants.AssertHold(cli.DatabasePath);
            storm.AssertAgrees(cli.DatabasePath, Till);
        }

        Assert.True(retry.IsEmpty, $"{retry.Count} sales were never acknowledged");
        DatabaseInvariants.AssertHold(cli.DatabasePath);
        var (lost, duplicated, partial, present) = storm.AssertAgrees(cli.DatabasePath, Till);
        Assert.Equal(storm.Sent, present);
        Assert.Equal(storm.Sent, storm.Acknowledged);
        Assert.True(cli.Scalar("SELECT COUNT(*) FROM ledger l JOIN sales s ON s.id = l.sale_id WHERE s.receipt_number LIKE 'P-%'") > 0, "claimed sales wrote ledger rows");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"FIGURES pos-crash: kills={cycles} receipts={storm.Sent} acknowledged={storm.Acknowledged} in-flight-at-kill={inFlightAtKill} retries-answered-duplicate={duplicatesAnswered} lost={lost} duplicated={duplicated} partial={partial} duration-s={stopwatch.Elapsed.TotalSeconds:F1}"));
    }

    private static int ItemsOf(string receipt) => 1 + (int.Parse(receipt.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture) % 3);

    private static string SaleLine(string receipt, int items)
    {
        var lines = string.Join(',', Enumerable.Range(0, items).Select(i => i == 0
            ? """{"sku":"LAT","description":"Latte","quantity":1,"amount":4.50}"""
            : $$"""{"sku":"CRO{{i}}","description":"Croissant","quantity":1,"amount":4.00}"""));
        var total = (4.50m + (4.00m * (items - 1))).ToString("F2", CultureInfo.InvariantCulture);
        return $$"""{"type":"sale","receiptNumber":"{{receipt}}","total":{{total}},"currency":"EUR","items":[{{lines}}],"at":"2026-03-10T10:00:00+01:00"}""";
    }
}
