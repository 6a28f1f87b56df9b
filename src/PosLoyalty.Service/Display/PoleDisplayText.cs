using System.Globalization;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Display;

/// <summary>
/// What the 2×20 pole display facing the customer says for a till event: a greeting, progress, a reward.
/// Pure. Nothing private: the name the customer likes to be greeted by, their points and stamps, never notes,
/// phone or email. Null when the event changes nothing on the display.
/// </summary>
public static class PoleDisplayText
{
    private const int Width = 20;

    public static (string Upper, string Lower)? For(TillEvent tillEvent) => tillEvent switch
    {
        CustomerIdentified { LateClaim: { } late } identified => (Fit("Thanks, " + identified.Profile.Customer.GreetingOrName), Fit(Points(late.PointsEarned.Value, late.PointsBalance.Value))),
        CustomerIdentified identified => (Fit("Welcome back,"), Fit(identified.Profile.Customer.GreetingOrName + "!")),
        UnknownCardScanned => (Fit("Welcome!"), Fit("New card - one moment")),
        SaleRecorded { Outcome.CouponsIssued.Count: > 0 } sale => (Fit("Reward printed!"), Fit(sale.Outcome.CouponsIssued[0].Reward)),
        SaleRecorded sale => (Fit(Points(sale.Outcome.PointsEarned.Value, sale.Outcome.PointsBalance.Value)), Fit(Stamps(sale))),
        CouponRedeemedAtCounter redeemed => (Fit("Coupon accepted:"), Fit(redeemed.Coupon.Reward)),
        CustomerCleared => (string.Empty, string.Empty),
        _ => null,
    };

    private static string Points(long earned, long balance) =>
        string.Create(CultureInfo.InvariantCulture, $"+{earned} pts = {balance}");

    private static string Stamps(SaleRecorded sale) =>
        sale.Outcome.Stamps.FirstOrDefault() is { } card
            ? card.Owed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{card.Name} owes {card.Owed}")
                : string.Create(CultureInfo.InvariantCulture, $"{card.Name} {card.Count}/{card.Target}")
            : "Thank you!";

    private static string Fit(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length <= Width ? clean : clean[..(Width - 1)] + ".";
    }
}
