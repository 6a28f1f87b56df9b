using PosLoyalty.Panel.App;
using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace PosLoyalty.Panel;

/// <summary>
/// Runs a customer's greeting once, off screen, with a made-up customer: the event's JSON both ways, the reducer,
/// the window's views set and Terminal.Gui's layout and draw of the greeting. The first real scan then finds those
/// methods compiled (a first greeting otherwise spent most of its time in the JIT, over 100 ms).
/// </summary>
public static class PanelWarmUp
{
    // Terminal.Gui's switch for a driver with no terminal behind it (its virtual driver, as the headless tests use).
    private const string NoTerminalVariable = "DisableRealDriverIO";
    private const int Columns = 80;
    private const int Rows = 24;

    /// <summary>The event line a service would send for a fully furnished customer (nothing real in it).</summary>
    public static string SampleEventLine(DateTimeOffset now) => PanelJson.SerializeEvent(new CustomerIdentifiedEvent(SampleCustomer(now)));

    /// <summary>
    /// Draws the sample greeting on a second, off-screen application. Call after the real application's Init: the
    /// first Init in a process sets up the terminal device once for all, and it must be the real one.
    /// </summary>
    public static void DrawGreetingOffScreen(TimeProvider time, bool customerView)
    {
        ArgumentNullException.ThrowIfNull(time);
        var previous = Environment.GetEnvironmentVariable(NoTerminalVariable);
        Environment.SetEnvironmentVariable(NoTerminalVariable, "1");
        try
        {
            using var app = Application.Create(new TerminalClock(time));
            app.Init(DriverRegistry.Names.ANSI);
            app.Driver!.SetScreenSize(Columns, Rows);
            using var panel = new PanelApp(app, time, customerView);
            var session = app.Begin(panel.Window)!;
            panel.Apply(PanelJson.DeserializeEvent(SampleEventLine(time.GetLocalNow())));
            app.End(session);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NoTerminalVariable, previous);
        }
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
