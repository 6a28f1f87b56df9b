using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>When the shop is busy and when it is quiet, in the till's local time (at + at_offset_minutes).</summary>
public sealed class VisitPatterns(LoyaltyDatabase database, TimeProvider time)
{
    public VisitPattern Run(int months = 12)
    {
        if (months is < 1 or > 120)
        {
            throw new DomainValidationException($"--months {months} is not allowed: 1 to 120");
        }

        var now = time.GetUtcNow();
        var from = now.AddMonths(-months);
        var counts = new long[7, 24];
        using var c = database.OpenConnection();

        // The stored offset is the till's at the moment of the sale, so summer time is right for each sale.
        using var cmd = Sql.Command(
            c,
            null,
            """
            SELECT CAST(strftime('%w', at, at_offset_minutes || ' minutes') AS INTEGER) AS weekday,
                   CAST(strftime('%H', at, at_offset_minutes || ' minutes') AS INTEGER) AS hour,
                   COUNT(*)
            FROM sales WHERE kind = 'sale' AND at > $from AND at <= $to
            GROUP BY weekday, hour
            """,
            ("$from", Sql.Time(from)),
            ("$to", Sql.Time(now)));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            counts[r.GetInt64(0), r.GetInt64(1)] = r.GetInt64(2);
        }

        return new VisitPattern(from, now, counts);
    }
}
