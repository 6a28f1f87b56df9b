using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>
/// Whom to call or write to: open complaints and notes flagged for follow-up, a thank-you after a
/// large purchase in the last week, birthdays and anniversaries coming up. Erased and merged-away
/// customers never appear; contact details only with consent.
/// </summary>
public sealed class FollowUps(LoyaltyDatabase database, TimeProvider time)
{
    public const int DefaultDaysAhead = 7;

    public const int ThankYouWindowDays = 7;

    public const decimal DefaultLargePurchaseToMedianRatio = 3m;

    /// <param name="daysAhead">Birthdays and anniversaries from today to this many days ahead, inclusive.</param>
    /// <param name="largePurchase">A sale at or above this is worth a thank-you call; null: three times the median basket of the last 12 months.</param>
    public FollowUpReport Run(int daysAhead = DefaultDaysAhead, decimal? largePurchase = null)
    {
        if (daysAhead is < 0 or > 366)
        {
            throw new DomainValidationException($"--days {daysAhead} is not allowed: 0 to 366");
        }

        if (largePurchase is <= 0m)
        {
            throw new DomainValidationException($"--large-purchase {largePurchase} is not allowed: an amount above 0");
        }

        var now = time.GetUtcNow();
        var zone = time.LocalTimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var thresholdE4 = largePurchase is { } given
            ? Sql.ToE4(given)
            : (long)(SegmentAnalysis.MedianBasketE4(c, tx, now.AddMonths(-12), now) * DefaultLargePurchaseToMedianRatio);
        var items = new List<FollowUp>();

        using (var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT n.kind, c.id, c.display_name, n.created_at, n.text, c.consent_marketing, c.phone, c.email
            FROM notes n JOIN customers c ON c.id = n.customer_id
            WHERE n.resolved_at IS NULL AND (n.follow_up = 1 OR n.kind = 'complaint') AND c.erased_at IS NULL AND c.merged_into IS NULL
            ORDER BY n.created_at, n.id
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var kind = r.GetString(0) == "complaint" ? FollowUpKind.Complaint : FollowUpKind.Note;
                var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Sql.ParseTime(r.GetString(3)), zone).DateTime);
                items.Add(new FollowUp(kind, new CustomerId(r.GetInt64(1)), r.GetString(2), on, r.GetString(4), Contact(r, 5)));
            }
        }

        using (var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT c.id, c.display_name, s.at, s.at_offset_minutes, s.total_e4, s.currency, c.consent_marketing, c.phone, c.email
            FROM sales s JOIN customers c ON c.id = s.customer_id
            WHERE s.kind = 'sale' AND s.at > $from AND s.at <= $to AND s.total_e4 >= $min
              AND c.erased_at IS NULL AND c.merged_into IS NULL
              AND NOT EXISTS (SELECT 1 FROM sales r WHERE r.refund_of = s.id)
            ORDER BY s.at
            """,
            ("$from", Sql.Time(now.AddDays(-ThankYouWindowDays))),
            ("$to", Sql.Time(now)),
            ("$min", thresholdE4)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var local = Sql.ParseTime(r.GetString(2)).ToOffset(TimeSpan.FromMinutes(r.GetInt64(3)));
                var detail = string.Create(CultureInfo.InvariantCulture, $"spent {Sql.FromE4(r.GetInt64(4)):0.00} {r.GetString(5)} on {local:yyyy-MM-dd HH:mm}");
                items.Add(new FollowUp(FollowUpKind.ThankYouCall, new CustomerId(r.GetInt64(0)), r.GetString(1), DateOnly.FromDateTime(local.DateTime), detail, Contact(r, 6)));
            }
        }

        using (var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT id, display_name, birthday, anniversary, consent_marketing, phone, email
            FROM customers
            WHERE erased_at IS NULL AND merged_into IS NULL AND (birthday IS NOT NULL OR anniversary IS NOT NULL)
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                foreach (var (ordinal, kind) in new[] { (2, FollowUpKind.Birthday), (3, FollowUpKind.Anniversary) })
                {
                    if (r.IsDBNull(ordinal) || NextOccurrence(MonthDay.Parse(r.GetString(ordinal)), today) is not { } next
                        || next.DayNumber - today.DayNumber > daysAhead)
                    {
                        continue;
                    }

                    var days = next.DayNumber - today.DayNumber;
                    var detail = days == 0 ? "today" : string.Create(CultureInfo.InvariantCulture, $"in {days} day{(days == 1 ? string.Empty : "s")}");
                    items.Add(new FollowUp(kind, new CustomerId(r.GetInt64(0)), r.GetString(1), next, detail, Contact(r, 4)));
                }
            }
        }

        tx.Commit();
        var ordered = items.OrderBy(i => i.Kind).ThenBy(i => i.DueOn).ThenBy(i => i.Customer.Value).ToList();
        return new FollowUpReport(daysAhead, Sql.FromE4(thresholdE4), largePurchase is null, ordered);
    }

    /// <summary>The next time the day comes round, today included; across the new year when it has passed.</summary>
    public static DateOnly? NextOccurrence(MonthDay day, DateOnly today)
    {
        var thisYear = day.InYear(today.Year);
        return thisYear >= today ? thisYear : day.InYear(today.Year + 1);
    }

    private static ContactDetails? Contact(SqliteDataReader r, int consentOrdinal) =>
        r.GetInt64(consentOrdinal) == 1 ? new ContactDetails(Sql.StringOrNull(r, consentOrdinal + 1), Sql.StringOrNull(r, consentOrdinal + 2)) : null;
}
