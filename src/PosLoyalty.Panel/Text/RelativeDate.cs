using System.Globalization;

namespace PosLoyalty.Panel.Text;

/// <summary>
/// "today", "yesterday", "12 days ago", "3 months ago": counted in calendar days at the offset of
/// <c>now</c>, so a visit at 23:50 is "yesterday" the next morning, not "today".
/// </summary>
public static class RelativeDate
{
    public static string Describe(DateTimeOffset then, DateTimeOffset now)
    {
        var thenDay = DateOnly.FromDateTime(then.ToOffset(now.Offset).DateTime);
        var today = DateOnly.FromDateTime(now.DateTime);
        var days = today.DayNumber - thenDay.DayNumber;
        if (days < 0)
        {
            // A clock skew between till and service; "today" is the honest answer at the counter.
            return "today";
        }

        if (days <= 1)
        {
            return days == 0 ? "today" : "yesterday";
        }

        if (days < 31)
        {
            return Plural(days, "day");
        }

        var months = ((today.Year - thenDay.Year) * 12) + today.Month - thenDay.Month - (today.Day < thenDay.Day ? 1 : 0);
        return months < 12 ? Plural(Math.Max(1, months), "month") : Plural(months / 12, "year");
    }

    private static string Plural(int count, string unit) =>
        count == 1
            ? $"1 {unit} ago"
            : string.Create(CultureInfo.InvariantCulture, $"{count} {unit}s ago");
}
