using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>
/// Who stopped or slowed: the time since the last visit is at least <see cref="SlowdownFactor"/> times
/// the customer's usual gap (the mean gap between their visits; needs <see cref="MinimumVisitsForHabit"/>
/// visits), or longer than a fixed number of days. Contact details only with consent, read at the
/// moment of the report, so a withdrawal counts at once.
/// </summary>
public sealed class LapsedCustomers(LoyaltyDatabase database, TimeProvider time)
{
    public const int SlowdownFactor = 3;

    public const int MinimumVisitsForHabit = 3;

    public const int DefaultDays = 90;

    public IReadOnlyList<LapsedCustomer> Run(int longerThanDays = DefaultDays)
    {
        if (longerThanDays is < 1 or > 3650)
        {
            throw new DomainValidationException($"--days {longerThanDays} is not allowed: 1 to 3650");
        }

        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var found = new List<(long Id, string Name, long Visits, DateTimeOffset Last, double Since, double? Gap, string Reason, ContactDetails? Contact)>();

        // visit_count and last_visit_at are kept by every sale; the first visit comes off the
        // (customer_id, at) index, so this reads no sale rows.
        using (var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT c.id, c.display_name, c.visit_count, c.last_visit_at,
                   (SELECT MIN(at) FROM sales s WHERE s.customer_id = c.id AND s.kind = 'sale'),
                   c.consent_marketing, c.phone, c.email
            FROM customers c
            WHERE c.erased_at IS NULL AND c.merged_into IS NULL AND c.last_visit_at IS NOT NULL
            ORDER BY c.last_visit_at, c.id
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var visits = r.GetInt64(2);
                var last = Sql.ParseTime(r.GetString(3));
                var since = (now - last).TotalDays;
                double? gap = null;
                if (visits >= MinimumVisitsForHabit && !r.IsDBNull(4))
                {
                    gap = (last - Sql.ParseTime(r.GetString(4))).TotalDays / (visits - 1);
                }

                string? reason = null;
                if (gap is { } g && g > 0 && since >= SlowdownFactor * g)
                {
                    reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{since:0} days since the last visit, {since / g:0.0}× the usual {g:0.0}");
                }
                else if (since > longerThanDays)
                {
                    reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{since:0} days since the last visit (more than {longerThanDays})");
                }

                if (reason is null)
                {
                    continue;
                }

                var contact = r.GetInt64(5) == 1 ? new ContactDetails(Sql.StringOrNull(r, 6), Sql.StringOrNull(r, 7)) : null;
                found.Add((r.GetInt64(0), r.GetString(1), visits, last, since, gap, reason, contact));
            }
        }

        var result = new List<LapsedCustomer>(found.Count);
        using (var items = Sql.Command(
            c,
            tx,
            """
            SELECT i.description FROM sale_items i JOIN sales s ON s.id = i.sale_id
            WHERE s.customer_id = $id AND s.kind = 'sale'
            GROUP BY i.description ORDER BY COUNT(*) DESC, MAX(s.at) DESC, i.description LIMIT 3
            """))
        {
            var id = items.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
            foreach (var f in found)
            {
                id.Value = f.Id;
                var usual = new List<string>(3);
                using var r = items.ExecuteReader();
                while (r.Read())
                {
                    usual.Add(r.GetString(0));
                }

                result.Add(new LapsedCustomer(new CustomerId(f.Id), f.Name, f.Visits, f.Last, Math.Round(f.Since, 1), f.Gap is { } g ? Math.Round(g, 1) : null, f.Reason, usual, f.Contact));
            }
        }

        tx.Commit();
        return result;
    }
}
