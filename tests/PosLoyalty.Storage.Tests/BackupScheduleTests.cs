using PosLoyalty.Storage.Maintenance;

namespace PosLoyalty.Storage.Tests;

public sealed class BackupScheduleTests : IDisposable
{
    private readonly TestShop shop = new();

    public void Dispose() => shop.Dispose();

    [Fact]
    public void A_backup_is_made_when_a_day_has_passed_and_only_the_newest_are_kept()
    {
        var directory = Path.Combine(shop.Directory, "backups");
        var schedule = new BackupSchedule(shop.Database, directory, retention: 2, shop.Clock);

        var first = schedule.RunIfDue();
        Assert.EndsWith("posloyalty-2025-06-02.db", first.Created, StringComparison.Ordinal);

        shop.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Null(schedule.RunIfDue().Created);

        shop.Clock.Advance(TimeSpan.FromHours(1));
        Assert.EndsWith("posloyalty-2025-06-03.db", schedule.RunIfDue().Created, StringComparison.Ordinal);

        shop.Clock.Advance(TimeSpan.FromDays(1));
        var third = schedule.RunIfDue();
        Assert.Equal([first.Created!], third.Deleted);
        Assert.Equal(["posloyalty-2025-06-03.db", "posloyalty-2025-06-04.db"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_manual_backup_counts_as_the_last_one()
    {
        shop.Maintenance.Backup(Path.Combine(shop.Directory, "manual.db"));
        shop.Clock.Advance(TimeSpan.FromHours(12));

        Assert.Null(new BackupSchedule(shop.Database, Path.Combine(shop.Directory, "backups"), 7, shop.Clock).RunIfDue().Created);
    }
}
