using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The service side of sd_notify(3), by hand (docs/architecture.md, "Dependencies, and why"):
/// one datagram per message to $NOTIFY_SOCKET — READY=1 once the host has started every service, STOPPING=1
/// when it begins to stop, WATCHDOG=1 every WATCHDOG_USEC/2 while the till answers, and STATUS= lines that
/// `systemctl status posloyalty` shows. Without NOTIFY_SOCKET (not under systemd, or Type=simple) it does nothing.
/// </summary>
/// <remarks>
/// The protocol (sd_notify(3), systemd.service(5) Type=notify, NotifyAccess=main): newline-separated
/// VARIABLE=value assignments in one AF_UNIX SOCK_DGRAM datagram; a socket path starting with '@' is in the
/// abstract namespace. WATCHDOG_PID, when set, names the process that is meant to ping; another process ignores it.
/// </remarks>
public sealed partial class SystemdNotifier : BackgroundService
{
    /// <summary>How long the till may take to answer a liveness probe before the watchdog ping is withheld.</summary>
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(5);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TillSession _session;
    private readonly DeviceStatusBoard _board;
    private readonly TillEventHub _hub;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdNotifier> _logger;
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private readonly TimeSpan? _watchdogInterval;
    private readonly Lock _sendGate = new();
    private Socket? _socket;
    private bool _sendFailureLogged;
    private CancellationTokenRegistration _started;
    private CancellationTokenRegistration _stopping;

    public SystemdNotifier(IHostApplicationLifetime lifetime, TillSession session, DeviceStatusBoard board, TillEventHub hub, TimeProvider time, ILogger<SystemdNotifier> logger)
    {
        _lifetime = lifetime;
        _session = session;
        _board = board;
        _hub = hub;
        _time = time;
        _logger = logger;
        _endpoint = Endpoint(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));
        _watchdogInterval = _endpoint is null ? null : WatchdogInterval(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);
    }

    /// <summary>True when systemd is listening (NOTIFY_SOCKET is set).</summary>
    public bool IsEnabled => _endpoint is not null;

    /// <summary>
    /// The ping period: half of WATCHDOG_USEC, as sd_watchdog_enabled(3) advises; null when the watchdog is off,
    /// the value is not a positive number, or WATCHDOG_PID names another process.
    /// </summary>
    public static TimeSpan? WatchdogInterval(string? watchdogMicroseconds, string? watchdogPid, int processId)
    {
        if (!ulong.TryParse(watchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(Math.Min(usec, (ulong)TimeSpan.MaxValue.TotalMicroseconds) / 2.0);
    }

    /// <summary>The socket to send to: a path, or '@name' for the abstract namespace; null when unset or not a Unix socket address.</summary>
    public static UnixDomainSocketEndPoint? Endpoint(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket) || notifySocket.Length < 2 || (notifySocket[0] != '/' && notifySocket[0] != '@'))
        {
            // systemd also allows vsock: addresses (VMs); a till never gets one.
            return null;
        }

        // .NET puts a name starting with NUL in the abstract namespace, which is what '@' means here.
        return new UnixDomainSocketEndPoint(notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_endpoint is not null)
        {
            // Registered here, before the host raises ApplicationStarted: READY=1 means every hosted service has started.
            _started = _lifetime.ApplicationStarted.Register(() => Send("READY=1\nSTATUS=" + Summary("ready")));
            _stopping = _lifetime.ApplicationStopping.Register(() => Send("STOPPING=1\nSTATUS=stopping"));
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _started.Dispose();
        _stopping.Dispose();
        lock (_sendGate)
        {
            _socket?.Dispose();
            _socket = null;
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_endpoint is null)
        {
            return;
        }

        try
        {
            await WaitUntilStarted(stoppingToken);
            if (_watchdogInterval is { } interval)
            {
                WatchdogEnabled(_logger, interval.TotalMilliseconds);
                await Task.WhenAll(KeepStatus(stoppingToken), PingWatchdog(interval, stoppingToken));
            }
            else
            {
                await KeepStatus(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: STOPPING=1 went out from ApplicationStopping
        }
    }

    private async Task WaitUntilStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>Keeps STATUS= in step with the devices, so `systemctl status` says what the panel says.</summary>
    private async Task KeepStatus(CancellationToken stoppingToken)
    {
        using var events = _hub.Subscribe();
        var last = string.Empty;
        while (await events.Events.WaitToReadAsync(stoppingToken))
        {
            var changed = false;
            while (events.Events.TryRead(out var e))
            {
                changed |= e is DeviceStatusChanged;
            }

            var summary = Summary("running");
            if (changed && summary != last)
            {
                last = summary;
                Send("STATUS=" + summary);
            }
        }
    }

    private async Task PingWatchdog(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        Task? probe = null;
        var withheld = false;
        do
        {
            // The till is alive when its session lock can be taken: a sale stuck in a transaction, or a deadlock,
            // stops the pings, and systemd restarts the service (WatchdogSec=, Restart=on-failure).
            probe ??= Task.Run(() => _ = _session.ActiveCustomer, stoppingToken);
            try
            {
                await probe.WaitAsync(ProbeDeadline, _time, stoppingToken);
                probe = null;
                if (withheld)
                {
                    withheld = false;
                    WatchdogResumed(_logger);
                }

                Send("WATCHDOG=1");
            }
            catch (TimeoutException)
            {
                // The probe stays pending; no second one piles up behind it.
                if (!withheld)
                {
                    withheld = true;
                    WatchdogWithheld(_logger, ProbeDeadline.TotalSeconds);
                    Send("STATUS=the till does not answer; the watchdog will restart the service");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private string Summary(string state)
    {
        var devices = _board.Snapshot();
        var builder = new StringBuilder().Append(CultureInfo.InvariantCulture, $"till {_session.TillId} {state}");
        foreach (var d in devices)
        {
            builder.Append(CultureInfo.InvariantCulture, $"; {d.Device} {d.State.ToString().ToLowerInvariant()}");
        }

        return builder.ToString();
    }

    private void Send(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        lock (_sendGate)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                _socket.SendTo(bytes, SocketFlags.None, _endpoint!);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // systemd gone (or a test's listener closed): the till goes on; say so once.
                if (!_sendFailureLogged)
                {
                    _sendFailureLogged = true;
                    NotifyFailed(_logger, ex.Message);
                }
            }
        }
    }

    [LoggerMessage(1300, LogLevel.Information, "systemd watchdog on: a ping every {IntervalMilliseconds} ms")]
    private static partial void WatchdogEnabled(ILogger logger, double intervalMilliseconds);

    [LoggerMessage(1301, LogLevel.Error, "The till did not answer within {Seconds} s: watchdog pings withheld, systemd will restart the service")]
    private static partial void WatchdogWithheld(ILogger logger, double seconds);

    [LoggerMessage(1302, LogLevel.Information, "The till answers again: watchdog pings resumed")]
    private static partial void WatchdogResumed(ILogger logger);

    [LoggerMessage(1303, LogLevel.Warning, "sd_notify to NOTIFY_SOCKET failed ({Reason}); the service runs on without telling systemd")]
    private static partial void NotifyFailed(ILogger logger, string reason);
}
