using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Reports;

namespace PosLoyalty.Storage.Tests.Reports;

public sealed class FollowUpsTests
{
    [Fact]
    public void A_birthday_early_in_january_is_next_year_when_seen_in_late_december() =>
        Assert.Equal(new DateOnly(2026, 1, 2), FollowUps.NextOccurrence(MonthDay.Create(1, 2), new DateOnly(2025, 12, 30)));

    [Fact]
    public void A_birthday_today_is_today() =>
        Assert.Equal(new DateOnly(2025, 6, 2), FollowUps.NextOccurrence(MonthDay.Create(6, 2), new DateOnly(2025, 6, 2)));

    [Fact]
    public void The_29th_of_february_falls_on_the_28th_in_other_years() =>
        Assert.Equal(new DateOnly(2025, 2, 28), FollowUps.NextOccurrence(MonthDay.Create(2, 29), new DateOnly(2025, 2, 1)));
}
