using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using PosLoyalty.Panel.App;
using PosLoyalty.Panel.Connection;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>
/// The real panel on Terminal.Gui's virtual driver: Application.Create with a fake clock, the ansi driver with no
/// real terminal behind it (DisableRealDriverIO), a fixed screen size, the window begun, keys injected as a
/// terminal would deliver them and the screen read back as text. Events are applied on this thread, as the pump
/// would through app.Invoke.
/// </summary>
internal sealed class HeadlessPanel : IDisposable
{
    private readonly IApplication app;
    private readonly PanelApp panel;
    private readonly SessionToken session;

    public HeadlessPanel(int width = 80, int height = 24, bool customerView = false)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        Clock = new FakeTimeProvider(Sample.Now);
        Clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("panel-test", Sample.Now.Offset, "panel-test", "panel-test"));
        app = Application.Create(new TerminalClock(Clock));
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        panel = new PanelApp(app, Clock, customerView);
        panel.Attach(Service);
        session = app.Begin(panel.Window)!;
        Apply(new IdleUpdatedEvent(Sample.Idle));
    }

    public FakeTimeProvider Clock { get; }

    public LoopbackConnection Service { get; } = new();

    public PanelState State => panel.State;

    /// <summary>What the panel sent to the service, in order.</summary>
    public IReadOnlyList<PanelCommand> Commands => Service.Sent;

    /// <summary>The window was asked to stop: what Q does.</summary>
    public bool StopRequested => panel.Window.StopRequested;

    public HeadlessPanel Apply(PanelEvent panelEvent)
    {
        panel.Apply(panelEvent);
        return this;
    }

    public HeadlessPanel Type(string text)
    {
        foreach (var c in text)
        {
            app.InjectKey(c);
        }

        return this;
    }

    public HeadlessPanel Press(Key key)
    {
        app.InjectKey(key);
        return this;
    }

    /// <summary>The screen as text: one line a row, trailing spaces cut.</summary>
    public string Screen()
    {
        app.LayoutAndDraw(forceRedraw: true);
        var lines = app.Driver!.ToString()!.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines) + "\n";
    }

    public void Dispose()
    {
        app.End(session);
        panel.Dispose();
        app.Dispose();
    }

    /// <summary>
    /// The service's end of the line, in memory: records each command as the socket would carry it (through the
    /// protocol's JSON, so a command that does not serialise fails here too).
    /// </summary>
    internal sealed class LoopbackConnection : IPanelConnection
    {
        private readonly Channel<PanelEvent> events = Channel.CreateUnbounded<PanelEvent>();
        private readonly List<PanelCommand> sent = [];
        private readonly Lock gate = new();

        public ChannelReader<PanelEvent> Events => events.Reader;

        public IReadOnlyList<PanelCommand> Sent
        {
            get
            {
                lock (gate)
                {
                    return [.. sent];
                }
            }
        }

        public ValueTask SendAsync(PanelCommand command, CancellationToken cancellationToken)
        {
            var wire = PanelJson.DeserializeCommand(PanelJson.SerializeCommand(command));
            lock (gate)
            {
                sent.Add(wire);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            events.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }
    }
}
