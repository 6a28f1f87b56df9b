using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// How a coupon conflict is shown, in `chain status` and `coupons conflicts` alike: the two tills and when. The text of
/// `chain status` masks the code (a status screen is read over shoulders); `coupons conflicts` shows it whole, to be
/// given to `coupons resolve`.
/// </summary>
internal static class CouponConflictOutput
{
    /// <summary>The conflict in --json, the same in `coupons conflicts` and in `chain status`'s conflictList (beside card conflicts: its kind).</summary>
    public static object Json(CouponConflict k, string tillId) => new
    {
        kind = "coupon",
        code = k.Code.Value,
        till = tillId,
        holderTill = k.HolderTill,
        redeemedHereAt = k.RedeemedHereAt,
        foundAt = k.FoundAt,
        resolvedAt = k.ResolvedAt,
    };

    public static string Line(CouponConflict k, string tillId, bool maskCode)
    {
        var code = maskCode ? k.Code.Masked() : k.Code.ToDisplayString();
        var line = $"coupon {code}: redeemed offline at till {tillId} {Time(k.RedeemedHereAt)} and at till {k.HolderTill} first; found {Time(k.FoundAt)}";
        return k.ResolvedAt is { } resolved ? line + $"; resolved {Time(resolved)}" : line;
    }

    private static string Time(DateTimeOffset? at) => UtcText.Format(at, "(time unknown)");
}
