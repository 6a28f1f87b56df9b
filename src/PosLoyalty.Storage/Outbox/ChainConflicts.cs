using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// The chain's conflicts still open at this till, for `chain status` and `doctor`. A card conflict is PostgreSQL's
/// decision as the pull brought it (chain_card_conflicts), listed once both customers are known here and open until
/// they are merged, in either direction, here or at another till: then both records lead to one survivor. A coupon
/// conflict is one this till's push found (coupon_conflicts), open until the owner resolves it.
/// </summary>
public sealed class ChainConflicts(LoyaltyDatabase database)
{
    // A chain of merges longer than this is a loop, which FoldInto never makes; it stops the walk all the same.
    private const int MaxMergeSteps = 64;

    public ChainConflictList Read()
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var list = Read(c, tx);
        tx.Commit();
        return list;
    }

    internal static ChainConflictList Read(SqliteConnection c, SqliteTransaction tx) => new(ReadCards(c, tx), CouponConflicts.List(c, tx, includeResolved: false));

    private static List<ChainCardConflict> ReadCards(SqliteConnection c, SqliteTransaction tx)
    {
        var rows = new List<(string Card, string Holder, string HolderShop, string HolderTill, string Claimant, string ClaimantShop, string ClaimantTill, string FoundAt)>();
        using (var cmd = Sql.Command(c, tx, "SELECT masked_card, holder, holder_shop, holder_till, claimant, claimant_shop, claimant_till, found_at FROM chain_card_conflicts ORDER BY found_at, claimant_event"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7)));
            }
        }

        var open = new List<ChainCardConflict>();
        foreach (var row in rows)
        {
            if (ChainCustomerIds.Local(c, tx, row.Holder) is not { } holder || ChainCustomerIds.Local(c, tx, row.Claimant) is not { } claimant)
            {
                continue; // one of them is not known here yet: the pull that brings them lists it
            }

            var keep = Survivor(c, tx, holder);
            var duplicate = Survivor(c, tx, claimant);
            if (keep is not { } k || duplicate is not { } d || k == d)
            {
                continue; // merged into one, or one of them erased: nothing is left to review
            }

            open.Add(new ChainCardConflict(
                row.Card,
                new ChainConflictCustomer(row.Holder, holder, row.HolderShop, row.HolderTill),
                new ChainConflictCustomer(row.Claimant, claimant, row.ClaimantShop, row.ClaimantTill),
                Sql.ParseTime(row.FoundAt),
                k,
                d));
        }

        return open;
    }

    /// <summary>The record <paramref name="customer"/> was merged into (through any chain of merges), itself if none, or null when erased.</summary>
    private static CustomerId? Survivor(SqliteConnection c, SqliteTransaction tx, CustomerId customer)
    {
        var current = customer;
        for (var step = 0; step < MaxMergeSteps; step++)
        {
            using var cmd = Sql.Command(c, tx, "SELECT merged_into, erased_at FROM customers WHERE id = $id", ("$id", current.Value));
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                return null;
            }

            if (r.IsDBNull(0))
            {
                return r.IsDBNull(1) ? current : null;
            }

            current = new CustomerId(r.GetInt64(0));
        }

        return current;
    }
}
