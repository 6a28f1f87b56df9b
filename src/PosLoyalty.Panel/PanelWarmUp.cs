using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Text;

namespace PosLoyalty.Panel;

/// <summary>
/// Runs the pure half of a customer's greeting once with a made-up customer: JSON both ways, the reducer and the
/// greeting's text at a width. The first real scan then finds those methods compiled.
/// </summary>
public static class PanelWarmUp
{
    /// <summary>The event line a service would send for a fully furnished customer (nothing real in it).</summary>
    public static string SampleEventLine(DateTimeOffset now) => PanelJson.SerializeEvent(new CustomerIdentifiedEvent(SampleCustomer(now)));

    /// <summary>Decodes, reduces and lays out the sample greeting as text nobody sees; returns how many lines it made.</summary>
    public static int Run(int width, DateTimeOffset now)
    {
        var state = PanelReducer.Apply(PanelState.Start(new IdleModel { Now = now }), PanelJson.DeserializeEvent(SampleEventLine(now)));
        var card = state.Customer!;
        return GreetingText.TalkAbout(card, width / 2, tall: false).Count + GreetingText.Earned(card, width / 2, tall: false).Count;
    }

    private static CustomerCardModel SampleCustomer(DateTimeOffset now) => new()
    {
        CustomerId = 1,
        CardLast4 = "0000",
        DisplayName = "Sample Customer",
        Greeting = "Sample",
        PinnedNotes = ["pinned"],
        RecentNotes = [new DatedNote("note", now.AddDays(-3))],
        UsuallyBuys = ["coffee"],
        LastVisit = now.AddDays(-2),
        Visits = 3,
        Points = 10,
        Tier = new TierStanding("Member", "Silver", 100m, 10m),
        StampCards = [new StampCardProgress("Coffee card", 3, 10, "Free coffee")],
        Coupons = [new ReadyCoupon("Free coffee", "0000-0000-0000-00")],
        Alerts = [new CustomerAlert(AlertKind.Birthday, "Birthday")],
        AsOf = now,
    };
}
