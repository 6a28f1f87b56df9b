using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PosLoyalty.Domain.Values;

/// <summary>A day in the year without a year: we ask for a birthday, never an age.</summary>
public readonly record struct MonthDay
{
    private static readonly int[] DaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private MonthDay(int month, int day)
    {
        Month = month;
        Day = day;
    }

    public int Month { get; }

    public int Day { get; }

    public static MonthDay Create(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth[month - 1]
            ? new MonthDay(month, day)
            : throw new DomainValidationException($"{month:00}-{day:00} is not a day of the year (MM-DD)");

    /// <summary>Parses "MM-DD" (also "--MM-DD", the ISO 8601 form without a year).</summary>
    public static bool TryParse(string? text, out MonthDay value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var t = text?.Trim() ?? string.Empty;
        if (t.StartsWith("--", StringComparison.Ordinal))
        {
            t = t[2..];
        }

        var parts = t.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth[month - 1])
        {
            value = new MonthDay(month, day);
            error = null;
            return true;
        }

        error = $"'{text}' is not a day of the year: write MM-DD, e.g. 03-14";
        return false;
    }

    public static MonthDay Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new DomainValidationException(error);

    /// <summary>This day in the given year; 29 February falls on the 28th in other years.</summary>
    public DateOnly InYear(int year) =>
        Month == 2 && Day == 29 && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, Month, Day);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Month:00}-{Day:00}");
}
