using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Storage;

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
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        var database = LoyaltyDatabase.Open(Path.Combine(directory, "loyalty.db"));
        var backups = Path.Combine(directory, "backups");
        var service = new BackupService(new BackupOptions { Directory = backups, Keep = 2 }, database, clock, NullLogger<BackupService>.Instance);
        using var stop = new CancellationTokenSource();
        await service.StartAsync(stop.Token);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await Settle(backups));
        // ExecuteAsync starts on the thread pool, so its first timer may be set a little after the test's start:
        // step a second at a time until the first backup appears.
        for (var second = 60; second < 180 && Count(backups) == 0; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Settle(backups);
        }

        Assert.Equal(1, await WaitForCount(backups, 1));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Settle(backups)); // not due again within the day
        for (var day = 2; day <= 4; day++)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                clock.Advance(TimeSpan.FromHours(1));
                await Settle(backups);
            }
        }

        Assert.Equal(2, await WaitForCount(backups, 2));
        await stop.CancelAsync();
        await service.StopAsync(CancellationToken.None);
    }

    private static int Count(string backups) => Directory.Exists(backups) ? Directory.GetFiles(backups, "*.db").Length : 0;

    private static async Task<int> WaitForCount(string backups, int expected)
    {
        for (var i = 0; i < 500 && Count(backups) != expected; i++)
        {
            await Task.Delay(10);
        }

        return Count(backups);
    }

    // After a timer fires the service's loop runs on the thread pool: give it time to act, or to do nothing.
    private static async Task<int> Settle(string backups)
    {
        await Task.Delay(30);
        return Count(backups);
    }
}
