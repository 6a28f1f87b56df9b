using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>
/// Every view state worth approving, each reached the way the running panel reaches it: service
/// events through the reducer and keys through Handle.
/// </summary>
internal static class Scenarios
{
    public static readonly IReadOnlyDictionary<string, Func<PanelState>> Cashier = new Dictionary<string, Func<PanelState>>
    {
        ["idle-devices"] = () => Start().State,
        ["idle-no-devices"] = () => PanelState.Start(new IdleModel { Now = Sample.Now }),
        ["customer-full"] = () => Start().Apply(new CustomerIdentifiedEvent(Sample.Rossi)).State,
        ["customer-empty"] = () => Start().Apply(new CustomerIdentifiedEvent(Sample.Newcomer)).State,
        ["customer-after-sale"] = () => Start()
            .Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Anna with { Points = 322 }, "R-1042")).State,
        ["unknown-card"] = () => Start().Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard))).State,
        ["form-enrol"] = () => Start().Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard)))
            .Type("E").Type("Anna Bianchi").Press(ConsoleKey.Tab).Type("Anna").Press(ConsoleKey.Tab).Type("03-1").State,
        ["form-enrol-errors"] = () => Start().Type("E").Press(ConsoleKey.Tab).Press(ConsoleKey.Tab).Type("31-02")
            .Press(ConsoleKey.Tab).Press(ConsoleKey.Tab).Type("anna.example.com").Press(ConsoleKey.Enter).State,
        ["form-note"] = () => OnRossi().Type("P").Type("Allergic to hazelnuts").State,
        ["form-find"] = () => Start().Type("F").Type("ross").State,
        ["form-redeem"] = () => OnRossi().Type("R").Type("k7qf-9xma-t3").State,
        ["form-manual-sale-error"] = () => OnRossi().Type("S").Type("12,5,0").Press(ConsoleKey.Enter).State,
        ["form-complaint"] = () => OnRossi().Type("C").Type("Croissant was cold").Ctrl('f').State,
        ["form-adjust-points"] = () => OnRossi().Type("A").Type("+50").Press(ConsoleKey.Tab).Type("Goodwill").Press(ConsoleKey.Tab).Type("2468").State,
        ["find-searching"] = () => Start().Type("F").Type("ross").Press(ConsoleKey.Enter).State,
        ["find-results"] = () => Start().Type("F").Type("ross").Press(ConsoleKey.Enter)
            .Apply(new FindResultsEvent("ross", Sample.Matches)).Press(ConsoleKey.DownArrow).State,
        ["find-none"] = () => Start().Type("F").Type("zz").Press(ConsoleKey.Enter)
            .Apply(new FindResultsEvent("zz", [])).State,
        ["message-info"] = () => OnRossi().Apply(new CouponRedeemedEvent("K7QF-9XMA-T3", true, "Free coffee")).State,
        ["message-error"] = () => Start().Apply(new CouponRedeemedEvent("ZZZZ-ZZZZ-ZZ", false, Reason: "already used on 03-02")).State,
        ["pending-idle"] = () => Start().Apply(new PendingSalesEvent([Sample.PendingForNobody])).State,
        ["pending-customer"] = () => Start().Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new PendingSalesEvent([Sample.PendingForNobody, Sample.PendingForAnna]))
            .Apply(new ServiceMessageEvent("Receipt 8001 (250.00) waits for you: total 250.00 above 200.00 — Y credits it, D drops it")).State,
    };

    public static readonly IReadOnlyDictionary<string, Func<PanelState>> CustomerView = new Dictionary<string, Func<PanelState>>
    {
        ["customer-view-welcome"] = () => Start().State,
        ["customer-view-unknown-card"] = () => Start().Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard))).State,
        ["customer-view-anna"] = () => Start().Apply(new CustomerIdentifiedEvent(Sample.Anna)).State,
        ["customer-view-reward"] = () => Start()
            .Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Anna with { Points = 322 })).State,
        ["customer-view-rossi"] = () => Start().Apply(new CustomerIdentifiedEvent(Sample.Rossi)).State,
    };

    public static Keys Start() => new(PanelState.Start(Sample.Idle));

    public static Keys OnRossi() => Start().Apply(new CustomerIdentifiedEvent(Sample.Rossi));
}
