using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Stamps;

namespace PosLoyalty.Storage.Coupons;

/// <summary>Coupons: issued with their sale, redeemed once by one atomic UPDATE, voided by a manager.</summary>
public sealed class CouponRepository(LoyaltyDatabase database, TimeProvider time)
{
    private const string Columns = "code, customer_id, reward, value_e4, currency, source, issued_at, expires_at, redeemed_at, voided_at";

    public CouponView Get(CouponCode code)
    {
        using var c = database.OpenConnection();
        return ReadCoupons(c, null, "WHERE code = $code", time.GetUtcNow(), ("$code", code.Value)).SingleOrDefault()
            ?? throw new NotFoundException($"coupon {code.ToDisplayString()} does not exist");
    }

    public IReadOnlyList<CouponView> List(CustomerId? customer)
    {
        using var c = database.OpenConnection();
        return customer is { } id
            ? ReadCoupons(c, null, "WHERE customer_id = $id ORDER BY issued_at DESC", time.GetUtcNow(), ("$id", id.Value))
            : ReadCoupons(c, null, "ORDER BY issued_at DESC LIMIT 1000", time.GetUtcNow());
    }

    /// <summary>
    /// Whether this till issued the coupon: a coupon pulled from another till is stored under "shop/till" (ChainInbox),
    /// one issued here under this till's id, or none when it was never queued for a printer.
    /// </summary>
    public bool IssuedAt(CouponCode code, string tillId)
    {
        using var c = database.OpenConnection();
        return Sql.Scalar<long>(c, null, "SELECT COUNT(*) FROM coupons WHERE code = $code AND (till_id IS NULL OR till_id = $t)", ("$code", code.Value), ("$t", tillId)) > 0;
    }

    /// <summary>
    /// Redeems by one UPDATE that must change exactly one row, so two tills scanning the same
    /// paper at once cannot both win. The reason for a refusal is read after the fact.
    /// </summary>
    public CouponView Redeem(CouponCode code)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false); // the redemption and its outbox event commit together
        var changed = Sql.Execute(
            c,
            tx,
            "UPDATE coupons SET redeemed_at = $now WHERE code = $code AND redeemed_at IS NULL AND voided_at IS NULL AND expires_at > $now",
            ("$now", Sql.Time(now)),
            ("$code", code.Value));
        var coupon = ReadCoupons(c, tx, "WHERE code = $code", now, ("$code", code.Value)).SingleOrDefault()
            ?? throw new NotFoundException($"coupon {code.ToDisplayString()} does not exist");
        if (changed == 1)
        {
            OutboxWriter.CouponRedeemed(c, tx, code.Value, now);
            tx.Commit();
            return coupon;
        }

        throw new CouponNotRedeemableException(coupon switch
        {
            { RedeemedAt: { } at } => $"coupon {code.ToDisplayString()} was already redeemed at {at:yyyy-MM-dd HH:mm:ss} UTC",
            { VoidedAt: { } at } => $"coupon {code.ToDisplayString()} was voided at {at:yyyy-MM-dd HH:mm:ss} UTC",
            _ => $"coupon {code.ToDisplayString()} expired at {coupon.ExpiresAt:yyyy-MM-dd HH:mm} UTC",
        });
    }

    public CouponView Void(CouponCode code, string reason)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        var changed = Sql.Execute(c, tx, "UPDATE coupons SET voided_at = $now WHERE code = $code AND redeemed_at IS NULL AND voided_at IS NULL", ("$now", Sql.Time(now)), ("$code", code.Value));
        var coupon = ReadCoupons(c, tx, "WHERE code = $code", now, ("$code", code.Value)).SingleOrDefault()
            ?? throw new NotFoundException($"coupon {code.ToDisplayString()} does not exist");
        if (changed != 1)
        {
            throw new CouponNotRedeemableException(coupon.RedeemedAt is { } at
                ? $"coupon {code.ToDisplayString()} was redeemed at {at:yyyy-MM-dd HH:mm:ss} UTC and cannot be voided"
                : $"coupon {code.ToDisplayString()} is already voided");
        }

        Audit.Write(c, tx, now, "coupon-void", coupon.CustomerId, $"coupon {code.Value}: {reason}", allowed: true);
        OutboxWriter.CouponVoided(c, tx, code.Value, now);
        tx.Commit();
        return coupon;
    }

    /// <summary>Stores a new coupon inside the caller's transaction (the sale's), so it exists before it can be printed.</summary>
    internal static CouponView Issue(SqliteConnection c, SqliteTransaction tx, CustomerId? customer, long? saleId, CouponGrant grant, CurrencyCode currency, int validDays, DateTimeOffset now)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = CouponCode.NewRandom();
            var expires = now.AddDays(validDays);
            try
            {
                Sql.Execute(
                    c,
                    tx,
                    "INSERT INTO coupons (code, customer_id, sale_id, source, reward, value_e4, currency, issued_at, expires_at) VALUES ($code, $cid, $sid, $src, $reward, $v, $cur, $at, $exp)",
                    ("$code", code.Value),
                    ("$cid", customer?.Value),
                    ("$sid", saleId),
                    ("$src", grant.Source),
                    ("$reward", grant.Reward.Description),
                    ("$v", grant.Reward.Value is { } value ? Sql.ToE4(value) : null),
                    ("$cur", grant.Reward.Value is null ? null : currency.Value),
                    ("$at", Sql.Time(now)),
                    ("$exp", Sql.Time(expires)));
                if (grant.Consumes is { } consumed && customer is { } holder)
                {
                    // The filled card's stamps, consumed by this coupon: its event carries the row to the other tills.
                    StampRows.Add(c, tx, holder, consumed.ProgramId, -consumed.Stamps, "coupon", Sql.Time(now), saleId, code.Value);
                }

                OutboxWriter.CouponIssued(c, tx, code.Value, now);
                return new CouponView(code, customer, grant.Reward.Description, grant.Reward.Value, grant.Reward.Value is null ? null : currency.Value, grant.Source, now, expires, null, null, CouponStatus.Active);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && attempt < 3)
            {
                // A 65-bit collision: astronomically rare, but a retry costs nothing.
            }
        }
    }

    internal static List<CouponView> ReadCoupons(SqliteConnection c, SqliteTransaction? tx, string where, DateTimeOffset now, params (string Name, object? Value)[] parameters)
    {
        var list = new List<CouponView>();
        using var cmd = Sql.Command(c, tx, $"SELECT {Columns} FROM coupons {where}", parameters);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var redeemed = Sql.ParseTimeOrNull(r, 8);
            var voided = Sql.ParseTimeOrNull(r, 9);
            var expires = Sql.ParseTime(r.GetString(7));
            var coupon = new Coupon(CouponCode.Parse(r.GetString(0)), null, r.GetString(2), null, Sql.ParseTime(r.GetString(6)), expires, redeemed, voided);
            list.Add(new CouponView(
                coupon.Code,
                r.IsDBNull(1) ? null : new CustomerId(r.GetInt64(1)),
                coupon.Reward,
                r.IsDBNull(3) ? null : Sql.FromE4(r.GetInt64(3)),
                Sql.StringOrNull(r, 4),
                r.GetString(5),
                coupon.IssuedAt,
                expires,
                redeemed,
                voided,
                coupon.StatusAt(now)));
        }

        return list;
    }
}
