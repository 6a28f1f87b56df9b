using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;
using PosLoyalty.Service.Hosting;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// systemd through Microsoft.Extensions.Hosting.Systemd (docs/adr/0013): READY=1, STOPPING=1 and journald's log
/// format are the library's; the watchdog ping and STATUS= lines are ours (<see cref="SystemdWatchdog"/>).
/// </summary>
/// <remarks>
/// The library's 10.0 release decides "under systemd" from the parent's /proc/PPID/comm. Our unit sets
/// ProtectProc=invisible, which hides PID 1 from the service user, so on its own it would send no READY=1 and systemd
/// would kill a healthy service at TimeoutStartSec (dotnet/runtime issue 125368, fixed after 10.0). As that fix does:
/// SYSTEMD_EXEC_PID naming this process also means systemd started it, and NOTIFY_SOCKET alone is enough to notify.
/// </remarks>
internal static class SystemdSupport
{
    public static IServiceCollection AddPosLoyaltySystemd(this IServiceCollection services)
    {
        services.AddSystemd();
        if (!SystemdHelpers.IsSystemdService())
        {
            if (IsMainProcessOfUnit(Environment.GetEnvironmentVariable("SYSTEMD_EXEC_PID"), Environment.ProcessId))
            {
                services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Systemd);
            }

            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
            {
                services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
                services.AddSingleton<IHostLifetime, SystemdLifetime>();
            }
        }

        if (services.Any(d => d.ServiceType == typeof(ISystemdNotifier)))
        {
            services.AddHostedService<SystemdWatchdog>();
        }

        return services;
    }

    /// <summary>systemd (v248 and later) sets SYSTEMD_EXEC_PID to the main process of the unit it starts.</summary>
    public static bool IsMainProcessOfUnit(string? systemdExecPid, int processId) =>
        int.TryParse(systemdExecPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid == processId;
}
