using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>The best customers by net spend over the last 12 months.</summary>
public sealed class TopCustomers(LoyaltyDatabase database, TimeProvider time)
{
    public IReadOnlyList<TopCustomer> Run(int limit = 20)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new DomainValidationException($"--limit {limit} is not allowed: 1 to 10000");
        }

        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var cmd = Sql.Command(
            c,
            null,
            """
            SELECT c.id, c.display_name, t.visits, t.spend, c.last_visit_at
            FROM (SELECT customer_id, SUM(kind = 'sale') AS visits, SUM(total_e4) AS spend
                  FROM sales WHERE customer_id IS NOT NULL AND at > $from AND at <= $to
                  GROUP BY customer_id) t
            JOIN customers c ON c.id = t.customer_id
            WHERE c.erased_at IS NULL AND c.merged_into IS NULL AND t.spend > 0
            ORDER BY t.spend DESC, c.id
            LIMIT $limit
            """,
            ("$from", Sql.Time(now.AddMonths(-12))),
            ("$to", Sql.Time(now)),
            ("$limit", limit));
        using var r = cmd.ExecuteReader();
        var top = new List<TopCustomer>();
        while (r.Read())
        {
            top.Add(new TopCustomer(top.Count + 1, new CustomerId(r.GetInt64(0)), r.GetString(1), r.GetInt64(2), Sql.FromE4(r.GetInt64(3)), Sql.ParseTimeOrNull(r, 4)));
        }

        return top;
    }
}
