using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// The conflicts left for review, as `chain status` and `doctor` show them: a card by its masked number, the two
/// customers by chain id and this till's number (never a name), whose claim PostgreSQL kept, and the command that
/// settles it here; a coupon redeemed twice as <see cref="CouponConflictOutput"/> shows it (masked in the text), with
/// the command that acknowledges it.
/// </summary>
internal static class ChainConflictOutput
{
    /// <summary>Merge the claimant into the holder: PostgreSQL gave the card to the first claim that reached it.</summary>
    public static string MergeCommand(ChainCardConflict k) => $"posloyalty customers merge {k.Keep} {k.Duplicate} --yes";

    public static IEnumerable<string> Lines(ChainConflictList conflicts, string tillId)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        foreach (var k in conflicts.Cards)
        {
            yield return $"card {k.MaskedCard}: held by customer {k.Holder.Customer} (chain id {k.Holder.ChainId}, claimed first at {k.Holder.ShopId}/{k.Holder.TillId}), "
                + $"claimed later by customer {k.Claimant.Customer} (chain id {k.Claimant.ChainId}, at {k.Claimant.ShopId}/{k.Claimant.TillId}); resolve: {MergeCommand(k)}";
        }

        foreach (var k in conflicts.Coupons)
        {
            yield return CouponConflictOutput.Line(k, tillId, maskCode: true) + "; resolve: posloyalty coupons resolve CODE (`posloyalty coupons conflicts` shows the code)";
        }
    }

    /// <summary>The list in --json: each entry says its kind ("card" or "coupon").</summary>
    public static IReadOnlyList<object> Json(ChainConflictList conflicts, string tillId)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var list = new List<object>();
        foreach (var k in conflicts.Cards)
        {
            list.Add(new
            {
                kind = "card",
                card = k.MaskedCard,
                holder = Customer(k.Holder),
                claimant = Customer(k.Claimant),
                foundAt = k.FoundAt,
                mergeCommand = MergeCommand(k),
            });
        }

        list.AddRange(conflicts.Coupons.Select(k => CouponConflictOutput.Json(k, tillId)));
        return list;
    }

    private static object Customer(ChainConflictCustomer c) => new { chainId = c.ChainId, customerId = c.Customer.Value, shopId = c.ShopId, tillId = c.TillId };
}
