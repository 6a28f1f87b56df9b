using System.Globalization;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Host.Cli;

/// <summary>Argument conversions whose errors name the option and the value.</summary>
internal static class Parse
{
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
}
