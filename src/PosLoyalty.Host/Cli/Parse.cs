using System.Globalization;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Host.Cli;

/// <summary>Argument conversions whose errors name the option and the value.</summary>
internal static class Parse
{
    private const double MaxDurationAmount = 100_000; // 100000h is eleven years: more is a typo, and TimeSpan would overflow

    public static MonthDay? MonthDayOrNull(string option, string? text) =>
        text is null ? null
        : MonthDay.TryParse(text, out var value, out var error) ? value
        : throw new DomainValidationException($"{option}: {error}");

    public static CardNumber Card(string option, string? text) =>
        CardNumber.TryParse(text, out var card, out var error) ? card : throw new DomainValidationException($"{option}: {error}");

    public static DateTimeOffset TimeOrNow(string option, string? text, TimeProvider time)
    {
        if (text is null)
        {
            return time.GetLocalNow();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal, out var at)
            && text.Contains('T', StringComparison.Ordinal)
            ? at
            : throw new DomainValidationException($"{option} '{text}' is not an ISO 8601 date and time, e.g. 2026-03-14T09:30:00+01:00");
    }

    public static bool? Bool(string option, string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new DomainValidationException($"{option} '{text}' must be true or false"),
    };

    /// <summary>A duration as 90s, 5m, 2h or hh:mm:ss; above zero.</summary>
    public static TimeSpan? DurationOrNull(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        TimeSpan? value = trimmed.Length > 1 && double.TryParse(trimmed[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount < MaxDurationAmount
            ? char.ToLowerInvariant(trimmed[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => null,
            }
            : TimeSpan.TryParseExact(trimmed, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var clock) ? clock : null;
        return value is { } duration && duration > TimeSpan.Zero
            ? duration
            : throw new DomainValidationException($"{option} '{text}' is not a duration above zero: write it as 90s, 5m, 2h or 00:10:00");
    }
}
