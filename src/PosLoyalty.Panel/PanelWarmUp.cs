using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Views;
using Spectre.Console;

namespace PosLoyalty.Panel;

/// <summary>
/// Runs the whole path of a customer's greeting once, off screen, with a made-up customer: JSON both ways,
/// the reducer, and the render at the terminal's size. The first real scan then finds every method compiled —
/// without this it paid ≈ 150 ms of JIT and missed the 100 ms greeting target that later scans meet in 20.
/// </summary>
public static class PanelWarmUp
{
    /// <summary>The event line a service would send for a fully furnished customer (nothing real in it).</summary>
    public static string SampleEventLine(DateTimeOffset now) => PanelJson.SerializeEvent(new CustomerIdentifiedEvent(SampleCustomer(now)));

    /// <summary>Decodes, reduces and renders the sample greeting into a console nobody sees.</summary>
    public static void Run(PanelLayout layout, DateTimeOffset now, bool customerView)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var state = PanelReducer.Apply(PanelState.Start(new IdleModel { Now = now }), PanelJson.DeserializeEvent(SampleEventLine(now)));
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(layout.Width, 20);
        console.Profile.Height = Math.Max(layout.Height, 5);
        console.Write(customerView ? CustomerViewScreen.Render(state, layout) : PanelScreen.Render(state, layout));
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
