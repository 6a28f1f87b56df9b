using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Coupons;

namespace PosLoyalty.Storage.Coupons;

/// <summary>
/// The coupon conflicts this till's pushes found (<see cref="Outbox.ChainOutbox.RecordCouponConflicts"/>), for the
/// owner to review: listed, and acknowledged one by one. An acknowledged conflict stays in the file as history and is
/// no longer counted in `chain status`. They are this till's own: the other till holds PostgreSQL's claim and has
/// nothing to review, so an acknowledgement is not an event of the chain.
/// </summary>
public sealed class CouponConflicts(LoyaltyDatabase database, TimeProvider time)
{
    /// <summary>Newest first; the acknowledged ones too when <paramref name="includeResolved"/>.</summary>
    public IReadOnlyList<CouponConflict> List(bool includeResolved)
    {
        using var c = database.OpenConnection();
        return List(c, null, includeResolved);
    }

    /// <summary>The same, inside the caller's transaction (`chain status` reads them with the rest of the chain's state).</summary>
    internal static IReadOnlyList<CouponConflict> List(SqliteConnection c, SqliteTransaction? tx, bool includeResolved) =>
        Read(c, tx, includeResolved ? string.Empty : "WHERE k.resolved_at IS NULL");

    /// <summary>
    /// Acknowledges the conflict over <paramref name="code"/>, with an audit row in the same transaction. Acknowledging
    /// one already acknowledged changes nothing and answers with the first acknowledgement.
    /// </summary>
    public CouponConflict Resolve(CouponCode code)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var changed = Sql.Execute(c, tx, "UPDATE coupon_conflicts SET resolved_at = $now WHERE code = $code AND resolved_at IS NULL", ("$now", Sql.Time(now)), ("$code", code.Value));
        var conflict = Read(c, tx, "WHERE k.code = $code", ("$code", code.Value)).SingleOrDefault()
            ?? throw new NotFoundException($"coupon {code.ToDisplayString()} has no conflict to resolve: `posloyalty coupons conflicts` lists them");
        if (changed == 1)
        {
            Audit.Write(c, tx, now, "coupon-conflict-resolve", null, $"coupon {code.Masked()} redeemed here offline and at till {conflict.HolderTill}: acknowledged", allowed: true);
        }

        tx.Commit();
        return conflict;
    }

    private static List<CouponConflict> Read(SqliteConnection c, SqliteTransaction? tx, string where, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Sql.Command(
            c,
            tx,
            $"SELECT k.code, k.holder_till, p.redeemed_at, k.found_at, k.resolved_at FROM coupon_conflicts k LEFT JOIN coupons p ON p.code = k.code {where} ORDER BY k.found_at DESC, k.code",
            parameters);
        using var r = cmd.ExecuteReader();
        var conflicts = new List<CouponConflict>();
        while (r.Read())
        {
            conflicts.Add(new CouponConflict(
                CouponCode.Parse(r.GetString(0)),
                r.GetString(1),
                Sql.ParseTimeOrNull(r, 2),
                Sql.ParseTime(r.GetString(3)),
                Sql.ParseTimeOrNull(r, 4)));
        }

        return conflicts;
    }
}
