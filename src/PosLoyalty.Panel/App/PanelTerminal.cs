using PosLoyalty.Panel.Connection;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace PosLoyalty.Panel.App;

/// <summary>
/// Runs the panel on this process's terminal until Q or cancellation: one Terminal.Gui application, created here,
/// run on the alternate screen (so the shell comes back as it was) and disposed.
/// </summary>
public static class PanelTerminal
{
    /// <summary>
    /// The driver for this terminal. The Linux console (TERM=linux, the tty1 kiosk) sends its own sequences for some
    /// keys, which the ansi driver drops or misreads; the dotnet driver reads them. Everywhere else (tmux, xterm, SSH)
    /// the ansi driver is the better one.
    /// </summary>
    public static string DriverFor(string? term) =>
        string.Equals(term, "linux", StringComparison.Ordinal) ? DriverRegistry.Names.DOTNET : DriverRegistry.Names.ANSI;

    public static void Run(IPanelConnector connector, TimeProvider time, bool customerView, CancellationToken cancellationToken, Action<DateTimeOffset, bool>? keyPressed = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(time);
        using var trace = PanelTrace.FromEnvironment(time);
        using var app = Application.Create(new TerminalClock(time));
        app.Init(DriverFor(Environment.GetEnvironmentVariable("TERM")));
        // The first scan then finds the JSON, the reducer, the views and the draw of a greeting compiled.
        PanelWarmUp.DrawGreetingOffScreen(time, customerView);
        using var pacer = new IterationPacer(app, time);
        using var panel = new PanelApp(app, time, customerView, keyPressed, trace);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => panel.PumpAsync(connector, stopping.Token), CancellationToken.None);
        using var stop = cancellationToken.Register(() => app.Invoke(() => app.RequestStop(panel.Window)));
        try
        {
            app.Run(panel.Window);
        }
        finally
        {
            stopping.Cancel();
            pump.GetAwaiter().GetResult();
        }
    }
}
