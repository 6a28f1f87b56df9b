using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Maintenance;

namespace PosLoyalty.Service.Tests.Hosting;

public sealed class BackupServiceTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "posloyalty-backup-" + Guid.NewGuid().ToString("N"));

    public BackupServiceTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Service_writes_a_backup_a_day_and_keeps_only_the_newest()
    {
        var clock = new WaitSignallingTimeProvider(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        var database = LoyaltyDatabase.Open(Path.Combine(directory, "loyalty.db"));
        var backups = Path.Combine(directory, "backups");
        var options = new BackupOptions { Directory = backups, Keep = 2 };
        var schedule = new BackupSchedule(database, options.DirectoryFor(database.Path), options.Keep, clock);
        var service = new BackupService(schedule, clock, NullLogger<BackupService>.Instance);
        using var stop = new CancellationTokenSource();
        await service.StartAsync(stop.Token);

        // Each step waits until the service is waiting on the clock again, so its turn (backup or not) is over.
        await clock.NextWaitAsync(); // the first minute, before any backup
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, Count(backups)); // not yet due: its timer is a second away

        await Step(clock, TimeSpan.FromSeconds(1));
        Assert.Equal(1, Count(backups));
        await Step(clock, TimeSpan.FromHours(1));
        Assert.Equal(1, Count(backups)); // not due again within the day
        for (var hour = 0; hour < 3 * 24; hour++)
        {
            await Step(clock, TimeSpan.FromHours(1));
        }

        Assert.Equal(2, Count(backups));
        await stop.CancelAsync();
        await service.StopAsync(CancellationToken.None);
    }

    private static int Count(string backups) => Directory.Exists(backups) ? Directory.GetFiles(backups, "*.db").Length : 0;

    private static async Task Step(WaitSignallingTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        await clock.NextWaitAsync();
    }
}
