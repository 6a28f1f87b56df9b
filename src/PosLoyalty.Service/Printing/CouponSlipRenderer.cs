using System.Globalization;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage.Coupons;

namespace PosLoyalty.Service.Printing;

/// <summary>Coupon bytes for this printer: at the foot of a receipt (no ESC @, no cut) or on a slip of their own.</summary>
public sealed class CouponSlipRenderer(PrinterOptions options)
{
    private readonly CouponLayout _embedded = new(new CouponLayoutOptions { PaperWidthInCharacters = options.Columns, StandAlone = false });
    private readonly CouponLayout _standAlone = new(new CouponLayoutOptions { PaperWidthInCharacters = options.Columns, StandAlone = true });

    public byte[] Render(CouponView coupon, string? greetingName, bool standAlone)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        var content = new CouponContent(
            options.ShopName,
            greetingName is null ? "Thank you!" : string.Create(CultureInfo.InvariantCulture, $"Thank you, {greetingName}!"),
            coupon.Reward,
            coupon.Code.ToDisplayString(),
            DateOnly.FromDateTime(coupon.ExpiresAt.UtcDateTime),
            options.CouponTerms);
        return (standAlone ? _standAlone : _embedded).Render(content);
    }
}
