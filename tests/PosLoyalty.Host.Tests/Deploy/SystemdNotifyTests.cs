using PosLoyalty.Service.Hosting;
using Xunit.Abstractions;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>
/// sd_notify (docs/architecture.md, "Dependencies, and why"): READY=1 and STOPPING=1 from the host's systemd support,
/// the watchdog and STATUS= lines ours; `posloyalty run --headless` under a stand-in systemd whose notify socket is a
/// real datagram socket.
/// </summary>
public sealed class SystemdNotifyTests(ITestOutputHelper output) : IDisposable
{
    // Only catches a hang: on a loaded machine (other test assemblies, kill -9 storms) start-up may take seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Run_sends_READY_once_started_and_STOPPING_on_SIGTERM_then_exits_0()
    {
        using var systemd = new NotifySocket(Path.Combine(cli.Directory, "notify.sock"));
        using var service = Start(systemd.Address);

        var untilReady = systemd.ReceiveUntil("READY=1", Patience);
        var startUp = service.Started.Elapsed;
        output.WriteLine($"process start to READY=1: {startUp.TotalMilliseconds:0} ms (Debug build, dotnet posloyalty.dll, test host busy)");
        Assert.DoesNotContain(untilReady, m => m.Contains("STOPPING=1", StringComparison.Ordinal));

        // Ours and the host's are separate datagrams, sent at ApplicationStarted in either order.
        var messages = untilReady.Any(IsReadyStatus) ? untilReady : [.. untilReady, .. systemd.ReceiveUntil(IsReadyStatus, "STATUS=till till-1 ready", Patience)];
        Assert.Single(messages, IsReadyStatus);
        Assert.Single(messages, m => m.Split('\n').Contains("READY=1"));

        Assert.Equal(0, service.Terminate(Patience));
        systemd.ReceiveUntil("STOPPING=1", Patience);
    }

    [Fact]
    public void Abstract_notify_socket_gets_READY_and_watchdog_pings_every_half_WATCHDOG_USEC()
    {
        using var systemd = new NotifySocket("@posloyalty-test-" + Guid.NewGuid().ToString("N"));
        using var service = Start(systemd.Address, ("WATCHDOG_USEC", "400000"));

        systemd.ReceiveUntil("READY=1", Patience);

        // The pings keep coming (three, each after the last), at the period the service chose: half of WATCHDOG_USEC,
        // which it logs. Their spacing on the wall clock is the scheduler's on a loaded machine, so it is not asserted.
        for (var ping = 0; ping < 3; ping++)
        {
            systemd.ReceiveUntil("WATCHDOG=1", Patience);
        }

        // The log line goes through the logger's queue: it may trail the datagrams a little.
        var deadline = DateTime.UtcNow + Patience;
        while (!service.Log.Contains("systemd watchdog on", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Contains("systemd watchdog on: a ping every 200 ms", service.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Watchdog_belongs_to_the_process_WATCHDOG_PID_names_and_is_half_of_WATCHDOG_USEC()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), SystemdWatchdog.WatchdogInterval("30000000", null, 1234));
        Assert.Equal(TimeSpan.FromSeconds(15), SystemdWatchdog.WatchdogInterval("30000000", "1234", 1234));
        Assert.Null(SystemdWatchdog.WatchdogInterval("30000000", "99", 1234));
        Assert.Null(SystemdWatchdog.WatchdogInterval("0", null, 1234));
        Assert.Null(SystemdWatchdog.WatchdogInterval("soon", null, 1234));
        Assert.Null(SystemdWatchdog.WatchdogInterval(null, null, 1234));
    }

    [Fact]
    public void A_notify_socket_alone_gets_READY_and_STOPPING_without_journald_format()
    {
        // A supervisor that is not systemd (or a benchmark harness) sets only NOTIFY_SOCKET.
        using var systemd = new NotifySocket(Path.Combine(cli.Directory, "notify.sock"));
        using var service = Start(systemd.Address, asUnit: false);

        systemd.ReceiveUntil("READY=1", Patience);
        Assert.Equal(0, service.Terminate(Patience));
        systemd.ReceiveUntil("STOPPING=1", Patience);
        Assert.DoesNotContain(service.Log.Split('\n'), line => line.StartsWith('<'));
    }

    [Fact]
    public void Without_NOTIFY_SOCKET_run_starts_and_stops_cleanly()
    {
        using var service = Start(null);
        var deadline = DateTime.UtcNow + Patience;
        while (!service.Log.Contains("Application started", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Contains("Application started", service.Log, StringComparison.Ordinal);
        Assert.Equal(0, service.Terminate(Patience));
        Assert.DoesNotContain("sd_notify", service.Log, StringComparison.Ordinal);

        // Started as a unit's main process (SYSTEMD_EXEC_PID), with or without a notify socket, the lines are journald's:
        // "<6>" is the syslog priority of Information.
        Assert.Contains(service.Log.Split('\n'), line => line.StartsWith("<6>Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
    }

    private static bool IsReadyStatus(string message) =>
        message.Split('\n').Any(line => line.StartsWith("STATUS=till till-1 ready", StringComparison.Ordinal));

    private NotifiedProcess Start(string? notifySocket, params (string Key, string Value)[] more) => Start(notifySocket, asUnit: true, more);

    private NotifiedProcess Start(string? notifySocket, bool asUnit, params (string Key, string Value)[] more)
    {
        var config = Path.Combine(cli.Directory, "till.json");
        File.WriteAllText(config, $$"""
            {
              "Till": { "Id": "till-1" },
              "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" }
            }
            """);
        var environment = more.ToDictionary(e => e.Key, e => e.Value);
        if (notifySocket is not null)
        {
            environment["NOTIFY_SOCKET"] = notifySocket;
        }

        return new NotifiedProcess(cli.Directory, environment, asUnit, "run", "--headless", "--config", config, "--db", cli.DatabasePath);
    }
}
