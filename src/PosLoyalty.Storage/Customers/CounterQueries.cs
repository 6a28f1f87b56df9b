using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

/// <summary>
/// Read-only queries for the cashier panel: "usually buys", the previous visit and alerts (read beside the profile
/// by <see cref="CustomerCardQuery"/>, in its transaction), and today's counts for the idle screen. Reads are
/// deferred transactions, so they never wait on the till's writes.
/// </summary>
public sealed class CounterQueries(LoyaltyDatabase database, LoyaltyRules rules, TimeProvider time)
{
    /// <summary>A sale this recent is part of the visit in progress, not the previous one.</summary>
    public static readonly TimeSpan CurrentVisitWindow = TimeSpan.FromMinutes(15);

    /// <summary>Away longer than this, the cashier gets a "back after N days" alert.</summary>
    public static readonly TimeSpan LongAbsence = TimeSpan.FromDays(60);

    /// <summary>Birthdays and anniversaries from today to this many days ahead.</summary>
    public const int DaysAhead = 6;

    /// <summary>Points that lapse within this many days are worth mentioning.</summary>
    public const int ExpiryWarningDays = 30;

    public const int UsuallyBuysCount = 3;

    /// <summary>
    /// The facts inside the caller's transaction, so they come from the same snapshot as whatever else it reads
    /// (<see cref="CustomerCardQuery"/> reads the profile beside them): a sale committed meanwhile is in both or in neither.
    /// </summary>
    internal CounterFacts Facts(SqliteConnection c, SqliteTransaction tx, CustomerId id, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, time.LocalTimeZone).DateTime);
        var usually = UsuallyBuys(c, tx, id);
        var previous = PreviousVisit(c, tx, id, now);
        var alerts = new List<CounterAlert>();

        using (var cmd = Sql.Command(c, tx, "SELECT birthday, anniversary, referred_by, visit_count, points_balance, last_visit_at FROM customers WHERE id = $id", ("$id", id.Value)))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                AddDay(alerts, CounterAlertKind.Birthday, "Birthday", r.IsDBNull(0) ? null : r.GetString(0), today);
                AddDay(alerts, CounterAlertKind.Anniversary, "Anniversary", r.IsDBNull(1) ? null : r.GetString(1), today);
                if (previous is { } before && now - before > LongAbsence)
                {
                    alerts.Add(new CounterAlert(CounterAlertKind.BackAfterAbsence, string.Create(CultureInfo.InvariantCulture, $"Back after {(int)(now - before).TotalDays} days away")));
                }

                if (!r.IsDBNull(2) && r.GetInt64(3) == 0 && rules.Referral is not null)
                {
                    alerts.Add(new CounterAlert(CounterAlertKind.ReferralPending, "Referred by a friend: the referral bonus comes with the first purchase"));
                }

                AddExpiry(alerts, r.GetInt64(4), Sql.ParseTimeOrNull(r, 5), now);
            }
        }

        AddNotes(c, tx, id, alerts);
        var waiting = Sql.Scalar<long>(c, tx, "SELECT COUNT(*) FROM customers WHERE referred_by = $id AND visit_count = 0 AND erased_at IS NULL AND merged_into IS NULL", ("$id", id.Value));
        if (waiting > 0 && rules.Referral is not null)
        {
            alerts.Add(new CounterAlert(CounterAlertKind.ReferralPending, string.Create(CultureInfo.InvariantCulture, $"{waiting} referred friend(s) not in yet: a bonus when they first buy")));
        }

        return new CounterFacts(usually, previous, alerts);
    }

    /// <summary>Sales and loyalty visits since local midnight, on every till.</summary>
    public TodayAtTill Today()
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone);
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        using var c = database.OpenConnection();
        using var cmd = Sql.Command(
            c,
            null,
            "SELECT COUNT(*), COUNT(customer_id) FROM sales WHERE kind = 'sale' AND at >= $from",
            ("$from", Sql.Time(midnight)));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new TodayAtTill((int)r.GetInt64(0), (int)r.GetInt64(1)) : new TodayAtTill(0, 0);
    }

    private static List<string> UsuallyBuys(SqliteConnection c, SqliteTransaction tx, CustomerId id)
    {
        // The last 100 sales are enough to know a regular's habits and keep this quick for a long history.
        using var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT i.description, COUNT(*) AS times
            FROM sale_items i
            WHERE i.sale_id IN (SELECT id FROM sales WHERE customer_id = $id AND kind = 'sale' ORDER BY at DESC LIMIT 100)
            GROUP BY lower(i.description)
            ORDER BY times DESC, MAX(i.sale_id) DESC
            LIMIT $n
            """,
            ("$id", id.Value),
            ("$n", UsuallyBuysCount));
        using var r = cmd.ExecuteReader();
        var items = new List<string>();
        while (r.Read())
        {
            items.Add(r.GetString(0));
        }

        return items;
    }

    private static DateTimeOffset? PreviousVisit(SqliteConnection c, SqliteTransaction tx, CustomerId id, DateTimeOffset now)
    {
        using var cmd = Sql.Command(c, tx, "SELECT at FROM sales WHERE customer_id = $id AND kind = 'sale' AND at < $before ORDER BY at DESC LIMIT 1", ("$id", id.Value), ("$before", Sql.Time(now - CurrentVisitWindow)));
        var at = cmd.ExecuteScalar();
        return at is string text ? Sql.ParseTime(text) : null;
    }

    private static void AddDay(List<CounterAlert> alerts, CounterAlertKind kind, string what, string? monthDay, DateOnly today)
    {
        if (monthDay is null || !MonthDay.TryParse(monthDay, out var day, out _))
        {
            return;
        }

        for (var ahead = 0; ahead <= DaysAhead; ahead++)
        {
            var date = today.AddDays(ahead);
            if (date.Month == day.Month && (date.Day == day.Day || (day.Month == 2 && day.Day == 29 && date.Day == 28 && !DateTime.IsLeapYear(date.Year))))
            {
                var when = ahead switch
                {
                    0 => "today",
                    1 => "tomorrow",
                    _ => "on " + date.DayOfWeek.ToString(),
                };
                alerts.Add(new CounterAlert(kind, $"{what} {when} ({day})"));
                return;
            }
        }
    }

    private void AddExpiry(List<CounterAlert> alerts, long balance, DateTimeOffset? lastVisit, DateTimeOffset now)
    {
        if (rules.Expiry is not { } expiry || balance <= 0 || lastVisit is null)
        {
            return;
        }

        var lapses = lastVisit.Value.AddMonths(expiry.MonthsWithoutVisit);
        if (lapses - now <= TimeSpan.FromDays(ExpiryWarningDays))
        {
            var local = TimeZoneInfo.ConvertTime(lapses, time.LocalTimeZone);
            alerts.Add(new CounterAlert(
                CounterAlertKind.PointsExpiring,
                lapses <= now
                    ? string.Create(CultureInfo.InvariantCulture, $"{balance} points lapse with this visit: {expiry.MonthsWithoutVisit} months since the last")
                    : string.Create(CultureInfo.InvariantCulture, $"{balance} points expire on {local:MM-dd} unless they buy")));
        }
    }

    private static void AddNotes(SqliteConnection c, SqliteTransaction tx, CustomerId id, List<CounterAlert> alerts)
    {
        using var cmd = Sql.Command(
            c,
            tx,
            "SELECT kind, text, created_at FROM notes WHERE customer_id = $id AND resolved_at IS NULL AND (kind = 'complaint' OR follow_up = 1) ORDER BY created_at DESC LIMIT 3",
            ("$id", id.Value));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var on = Sql.ParseTime(r.GetString(2)).ToString("MM-dd", CultureInfo.InvariantCulture);
            alerts.Add(r.GetString(0) == "complaint"
                ? new CounterAlert(CounterAlertKind.OpenComplaint, $"Open complaint: {r.GetString(1)} ({on})")
                : new CounterAlert(CounterAlertKind.FollowUp, $"Follow up: {r.GetString(1)} ({on})"));
        }
    }
}
