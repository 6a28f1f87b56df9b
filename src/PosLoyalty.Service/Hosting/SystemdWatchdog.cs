using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The part of sd_notify(3) the host does not do (docs/architecture.md, "Dependencies, and why"): WATCHDOG=1 every
/// WATCHDOG_USEC/2 while the till answers, and STATUS= lines that `systemctl status posloyalty` shows. READY=1 and
/// STOPPING=1 are the host's own (Microsoft.Extensions.Hosting.Systemd); so is the datagram to $NOTIFY_SOCKET, which
/// this sends through <see cref="ISystemdNotifier"/>. Without NOTIFY_SOCKET it does nothing.
/// </summary>
/// <remarks>
/// WATCHDOG_PID, when set, names the process that is meant to ping (systemd.service(5), WatchdogSec=); another
/// process ignores it.
/// </remarks>
public sealed class SystemdWatchdog : BackgroundService
{
    /// <summary>How long the till may take to answer a liveness probe before the watchdog ping is withheld.</summary>
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(5);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly ISystemdNotifier _notifier;
    private readonly TillSession _session;
    private readonly DeviceStatusBoard _board;
    private readonly TillEventHub _hub;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdWatchdog> _logger;
    private readonly TimeSpan? _watchdogInterval;
    private bool _sendFailureLogged;
    private CancellationTokenRegistration _started;
    private CancellationTokenRegistration _stopping;

    public SystemdWatchdog(IHostApplicationLifetime lifetime, ISystemdNotifier notifier, TillSession session, DeviceStatusBoard board, TillEventHub hub, TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        _lifetime = lifetime;
        _notifier = notifier;
        _session = session;
        _board = board;
        _hub = hub;
        _time = time;
        _logger = logger;
        _watchdogInterval = notifier.IsEnabled ? WatchdogInterval(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId) : null;
    }

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

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_notifier.IsEnabled)
        {
            // Beside the host's READY=1 and STOPPING=1: what the till is doing, in `systemctl status`.
            _started = _lifetime.ApplicationStarted.Register(() => Send("STATUS=" + Summary("ready")));
            _stopping = _lifetime.ApplicationStopping.Register(() => Send("STATUS=stopping"));
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _started.Dispose();
        _stopping.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_notifier.IsEnabled)
        {
            return;
        }

        try
        {
            await WaitUntilStarted(stoppingToken);
            if (_watchdogInterval is { } interval)
            {
                Log.WatchdogEnabled(_logger, interval.TotalMilliseconds);
                await Task.WhenAll(KeepStatus(stoppingToken), PingWatchdog(interval, stoppingToken));
            }
            else
            {
                await KeepStatus(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the host sent STOPPING=1
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
                    Log.WatchdogResumed(_logger);
                }

                Send("WATCHDOG=1");
            }
            catch (TimeoutException)
            {
                // The probe stays pending; no second one piles up behind it.
                if (!withheld)
                {
                    withheld = true;
                    Log.WatchdogWithheld(_logger, ProbeDeadline.TotalSeconds);
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
        try
        {
            _notifier.Notify(new ServiceState(message));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // systemd gone (or a test's listener closed): the till goes on; say so once.
            if (!_sendFailureLogged)
            {
                _sendFailureLogged = true;
                Log.NotifyFailed(_logger, ex.Message);
            }
        }
    }
}
