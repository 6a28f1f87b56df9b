using System.Globalization;
using System.Security.Cryptography;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Raffle;

/// <summary>
/// The monthly raffle among that month's visitors. Every distinct customer (not erased, not merged
/// away) with a sale in the till's local month has one equal chance, whatever they spent or how often
/// they came; the pick is <see cref="RandomNumberGenerator.GetInt32(int)"/> (a CSPRNG, no modulo bias).
/// The draw is written in the same transaction that read the entrants, so it cannot run twice.
/// </summary>
public sealed class RaffleDraws(LoyaltyDatabase database, TimeProvider time)
{
    public RaffleResult Draw(string month)
    {
        if (!DateOnly.TryParseExact(month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw new DomainValidationException($"--month '{month}' is not a month: write YYYY-MM, e.g. 2026-03");
        }

        var key = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();

        // Local months differ from UTC by at most 14 hours either way; the index range is widened by
        // that and the local month is then checked exactly with each sale's own offset.
        var fromUtc = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);
        var toUtc = new DateTimeOffset(first.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(14);
        if (now < toUtc)
        {
            throw new DomainValidationException($"the month {key} is not over everywhere yet: draw it after {toUtc:yyyy-MM-dd HH:mm} UTC so every visitor is in it");
        }

        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        using (var cmd = Sql.Command(c, tx, "SELECT drawn_at, entrants, winner_customer_id FROM raffle_draws WHERE month = $m", ("$m", key)))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                var winner = r.IsDBNull(2) ? "no winner" : "winner customer " + r.GetInt64(2).ToString(CultureInfo.InvariantCulture);
                throw new DomainValidationException($"the raffle for {key} was already drawn on {Sql.ParseTime(r.GetString(0)):yyyy-MM-dd HH:mm} UTC among {r.GetInt64(1)} customers ({winner}); it is not drawn twice");
            }
        }

        var entrants = new List<long>();
        using (var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT DISTINCT s.customer_id
            FROM sales s JOIN customers c ON c.id = s.customer_id
            WHERE s.kind = 'sale' AND s.at >= $from AND s.at < $to
              AND strftime('%Y-%m', s.at, s.at_offset_minutes || ' minutes') = $m
              AND c.erased_at IS NULL AND c.merged_into IS NULL
            ORDER BY s.customer_id
            """,
            ("$from", Sql.Time(fromUtc)),
            ("$to", Sql.Time(toUtc)),
            ("$m", key)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                entrants.Add(r.GetInt64(0));
            }
        }

        if (entrants.Count == 0)
        {
            throw new DomainValidationException($"no customer visited in {key}: there is nobody to draw");
        }

        var winnerId = entrants[RandomNumberGenerator.GetInt32(entrants.Count)];
        Sql.Execute(
            c,
            tx,
            "INSERT INTO raffle_draws (month, drawn_at, entrants, winner_customer_id) VALUES ($m, $at, $n, $w)",
            ("$m", key),
            ("$at", Sql.Time(now)),
            ("$n", entrants.Count),
            ("$w", winnerId));
        Audit.Write(c, tx, now, "raffle-draw", new CustomerId(winnerId), $"raffle {key} drawn among {entrants.Count} customers", allowed: true);
        tx.Commit();
        return new RaffleResult(key, now, entrants.Count, new CustomerId(winnerId));
    }
}
