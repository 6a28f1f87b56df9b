using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Storage;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The quick_check at start (docs/architecture.md, "Rules that keep data safe"), run once the service is ready rather than before: on a large file it takes
/// seconds per gigabyte and must not hold up the till. A damaged file stops the service (systemd then restarts it
/// and doctor says what to do) before more is written to it.
/// </summary>
public sealed class IntegrityCheckService(LoyaltyDatabase database, IHostApplicationLifetime lifetime, ServiceStopReason stopReason, ILogger<IntegrityCheckService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            var result = database.QuickCheckNow();
            if (result == "ok")
            {
                Log.IntegrityChecked(logger);
                return;
            }

            Log.IntegrityFailed(logger, result);
            stopReason.Fail($"database quick_check failed ({result}): run `posloyalty doctor`, then restore a backup");
            lifetime.StopApplication();
        },
        stoppingToken);
}
