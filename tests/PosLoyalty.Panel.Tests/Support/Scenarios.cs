using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using Terminal.Gui.Input;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>
/// Every screen and form worth approving, each reached the way the running panel reaches it: service events
/// through the reducer and keys through Terminal.Gui.
/// </summary>
internal static class Scenarios
{
    public static readonly IReadOnlyDictionary<string, Action<HeadlessPanel>> Cashier = new Dictionary<string, Action<HeadlessPanel>>
    {
        ["idle-devices"] = _ => { },
        ["idle-no-devices"] = p => p.Apply(new IdleUpdatedEvent(new IdleModel { Now = Sample.Now })),
        ["customer-full"] = p => p.Apply(new CustomerIdentifiedEvent(Sample.Rossi)),
        ["customer-empty"] = p => p.Apply(new CustomerIdentifiedEvent(Sample.Newcomer)),
        ["customer-after-sale"] = p => p
            .Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Anna with { Points = 322 }, "R-1042")),
        ["unknown-card"] = p => p.Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard))),
        ["form-enrol"] = p => p.Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard)))
            .Type("E").Type("Anna Bianchi").Press(Key.Tab).Type("Anna").Press(Key.Tab).Type("03-1"),
        ["form-enrol-errors"] = p => p.Type("E").Press(Key.Tab).Press(Key.Tab).Type("31-02")
            .Press(Key.Tab).Press(Key.Tab).Type("anna.example.com").Press(Key.Enter),
        ["form-note"] = p => OnRossi(p).Type("P").Type("Allergic to hazelnuts"),
        ["form-find"] = p => p.Type("F").Type("ross"),
        ["form-redeem"] = p => OnRossi(p).Type("R").Type("k7qf-9xma-t3"),
        ["form-manual-sale-error"] = p => OnRossi(p).Type("S").Type("12,5,0").Press(Key.Enter),
        ["form-complaint"] = p => OnRossi(p).Type("C").Type("Croissant was cold").Press(Key.Tab).Press(Key.Space),
        ["form-adjust-points"] = p => OnRossi(p).Type("A").Type("+50").Press(Key.Tab).Type("Goodwill").Press(Key.Tab).Type("2468"),
        ["find-searching"] = p => p.Type("F").Type("ross").Press(Key.Enter),
        ["find-results"] = p => p.Type("F").Type("ross").Press(Key.Enter)
            .Apply(new FindResultsEvent("ross", Sample.Matches)).Press(Key.CursorDown),
        ["find-none"] = p => p.Type("F").Type("zz").Press(Key.Enter).Apply(new FindResultsEvent("zz", [])),
        ["message-info"] = p => OnRossi(p).Apply(new CouponRedeemedEvent("K7QF-9XMA-T3", true, "Free coffee")),
        ["message-error"] = p => p.Apply(new CouponRedeemedEvent("ZZZZ-ZZZZ-ZZ", false, Reason: "already used on 03-02")),
        ["pending-idle"] = p => p.Apply(new PendingSalesEvent([Sample.PendingForNobody])),
        ["pending-customer"] = p => p.Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new PendingSalesEvent([Sample.PendingForNobody, Sample.PendingForAnna]))
            .Apply(new ServiceMessageEvent("Receipt 8001 (250.00) waits for you: total 250.00 above 200.00 — Y credits it, D drops it")),
    };

    public static readonly IReadOnlyDictionary<string, Action<HeadlessPanel>> CustomerView = new Dictionary<string, Action<HeadlessPanel>>
    {
        ["customer-view-welcome"] = _ => { },
        ["customer-view-unknown-card"] = p => p.Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard))),
        ["customer-view-anna"] = p => p.Apply(new CustomerIdentifiedEvent(Sample.Anna)),
        ["customer-view-reward"] = p => p
            .Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Anna with { Points = 322 })),
        ["customer-view-rossi"] = p => p.Apply(new CustomerIdentifiedEvent(Sample.Rossi)),
    };

    public static HeadlessPanel OnRossi(HeadlessPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return panel.Apply(new CustomerIdentifiedEvent(Sample.Rossi));
    }
}
