using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Storage.Maintenance;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// The daily automatic backup: once an hour it asks <see cref="BackupSchedule"/> whether a day has passed since the
/// last backup and, if so, writes one (online backup API, integrity-checked) and deletes the oldest beyond `Backup:Keep`.
/// </summary>
public sealed class BackupService(BackupSchedule schedule, TimeProvider time, ILogger<BackupService> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at the very start: the till's first sales matter more than the backup.
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var result = schedule.RunIfDue();
                    if (result.Created is { } created)
                    {
                        Log.BackupWritten(logger, created, result.Deleted.Count);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.BackupFailed(logger, ex, schedule.Directory);
                }

                await Task.Delay(CheckEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
