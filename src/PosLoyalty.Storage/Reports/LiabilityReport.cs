using PosLoyalty.Domain.Rules;

namespace PosLoyalty.Storage.Reports;

/// <summary>Outstanding points and live coupons as money (<see cref="Liability"/>).</summary>
public sealed class LiabilityReport(LoyaltyDatabase database, LoyaltyRules rules, TimeProvider time)
{
    public Liability Run()
    {
        ArgumentNullException.ThrowIfNull(rules);
        var now = time.GetUtcNow();
        var currency = rules.ShopCurrency.Value;

        // Points turn into money only through the conversion rule: Threshold points buy a Reward.Value coupon.
        decimal? perPoint = rules.PointsConversion is { Threshold: > 0, Reward.Value: { } value } pc ? value / pc.Threshold : null;

        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);

        // Erased and merged-away customers hold nothing they can spend (no card; a merge moves the points).
        var points = Sql.Scalar<long>(c, tx, "SELECT COALESCE(SUM(points_balance), 0) FROM customers WHERE erased_at IS NULL AND merged_into IS NULL AND points_balance > 0");
        long live = 0;
        long liveE4 = 0;
        long withoutValue = 0;
        using (var cmd = Sql.Command(
            c,
            tx,
            """
            SELECT COUNT(*), COALESCE(SUM(value_e4), 0), COALESCE(SUM(value_e4 IS NULL), 0)
            FROM coupons
            WHERE redeemed_at IS NULL AND voided_at IS NULL AND expires_at > $now AND (currency IS NULL OR currency = $cur)
            """,
            ("$now", Sql.Time(now)),
            ("$cur", currency)))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            live = r.GetInt64(0);
            liveE4 = r.GetInt64(1);
            withoutValue = r.GetInt64(2);
        }

        tx.Commit();
        var pointsValue = perPoint is { } p ? decimal.Round(points * p, 2) : 0m;
        var couponsValue = Sql.FromE4(liveE4);
        return new Liability(currency, points, perPoint, pointsValue, live, couponsValue, withoutValue, pointsValue + couponsValue);
    }
}
