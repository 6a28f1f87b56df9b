using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Rules;

/// <summary>The Monday-to-Sunday week that holds a customer's birthday (so a year-end birthday may start in December and end in January).</summary>
public static class BirthdayWeek
{
    /// <summary>The first day of the birthday week that contains <paramref name="date"/>, or null when the date is in none.</summary>
    public static DateOnly? StartContaining(MonthDay birthday, DateOnly date)
    {
        for (var year = date.Year - 1; year <= date.Year + 1; year++)
        {
            var day = birthday.InYear(year);
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            if (date >= monday && date <= monday.AddDays(6))
            {
                return monday;
            }
        }

        return null;
    }
}
