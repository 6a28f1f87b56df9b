using PosLoyalty.Panel;
using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Views;
using PosLoyalty.Service.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The panel's one loop: a single Spectre.Console live display owns the terminal, and keys (read with
/// console.Input.ReadKeyAsync), service events and resizes are all handled here, in turn, so nothing else ever
/// writes to the screen. The frame is rebuilt from the state for the console's size at every redraw. When the
/// service is away the loop keeps running (Q still quits) and reconnects with backoff.
/// </summary>
public sealed class PanelTerminal(IAnsiConsole console, TimeProvider time, bool customerView, PanelActivity? activity = null)
{
    public const string RetryingText = "service not running — retrying";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(2);

    // How often the loop looks at the console's size; a resize redraws within this.
    private static readonly TimeSpan SizeCheck = TimeSpan.FromMilliseconds(100);

    // Clear the screen and go home: after a resize the old frame's geometry means nothing.
    private const string ClearScreen = "\u001b[2J\u001b[H";

    /// <summary>Runs until Q (or cancellation), on the alternate screen where the terminal has one, so the shell comes back as it was.</summary>
    public void Run(IPanelConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (console.Profile.Capabilities.Ansi && console.Profile.Capabilities.AlternateBuffer)
        {
            console.AlternateScreen(() => RunAsync(connector, cancellationToken).GetAwaiter().GetResult());
        }
        else
        {
            RunAsync(connector, cancellationToken).GetAwaiter().GetResult();
        }
    }

    public async Task RunAsync(IPanelConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        PanelWarmUp.Run(new PanelLayout(console.Profile.Width, console.Profile.Height), time.GetLocalNow(), customerView);
        var loop = new LoopState(PanelState.Start(new IdleModel { Now = time.GetLocalNow() }), console.Input.ReadKeyAsync(intercept: true, cancellationToken), time.GetUtcNow());
        try
        {
            // A live display remembers the largest frame it drew and pads every later one to it, so a terminal that
            // shrank would get a frame too big for it: each new size gets a new live display on a cleared screen.
            while (await console.Live(Frame(loop.State))
                .AutoClear(true)
                .Overflow(VerticalOverflow.Crop)
                .Cropping(VerticalOverflowCropping.Bottom)
                .StartAsync(context => LoopAsync(context, connector, loop, cancellationToken)))
            {
                console.Write(new ControlCode(ClearScreen));
            }
        }
        finally
        {
            if (loop.Connection is { } connection)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <returns>True when the terminal changed size (draw again in a new live display); false to stop.</returns>
    private async Task<bool> LoopAsync(LiveDisplayContext context, IPanelConnector connector, LoopState loop, CancellationToken cancellationToken)
    {
        var size = (console.Profile.Width, console.Profile.Height);
        Draw(context, loop.State);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var dirty = false;
                if (loop.Connection is null && time.GetUtcNow() >= loop.RetryAt)
                {
                    try
                    {
                        loop.Connection = await connector.ConnectAsync(cancellationToken);
                        loop.Backoff.Reset();
                        if (loop.State.Message?.Text == RetryingText)
                        {
                            loop.State = loop.State with { Message = null };
                        }
                    }
                    catch (PanelUnavailableException)
                    {
                        loop.State = loop.State with { Message = new StatusMessage(RetryingText, IsError: true) };
                        loop.RetryAt = time.GetUtcNow() + loop.Backoff.Next();
                    }

                    Draw(context, loop.State);
                }

                loop.Readable ??= loop.Connection?.Events.WaitToReadAsync(cancellationToken).AsTask();
                var wait = loop.Connection is null ? Min(loop.RetryAt - time.GetUtcNow(), SizeCheck) : SizeCheck;
                var delay = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
                await (loop.Readable is null ? Task.WhenAny(loop.Key, delay) : Task.WhenAny(loop.Key, delay, loop.Readable));

                if (loop.Readable is { IsCompleted: true } done && loop.Connection is { } connection)
                {
                    var open = done.IsCompletedSuccessfully && done.Result;
                    loop.Readable = null;
                    while (connection.Events.TryRead(out var panelEvent))
                    {
                        loop.State = PanelReducer.Apply(loop.State, panelEvent);
                        dirty = true;
                    }

                    if (!open)
                    {
                        loop.Connection = null;
                        await connection.DisposeAsync();
                        loop.RetryAt = time.GetUtcNow();
                        loop.State = loop.State with { Message = new StatusMessage(RetryingText, IsError: true) };
                        dirty = true;
                    }
                }

                if (loop.Key.IsCompleted)
                {
                    if (!loop.Key.IsCompletedSuccessfully)
                    {
                        return false; // cancelled: the service or the user is stopping
                    }

                    var pressed = loop.Key.Result;
                    loop.Key = console.Input.ReadKeyAsync(intercept: true, cancellationToken);
                    if (pressed is { } info)
                    {
                        var (next, command) = OnKey(loop.State, info);
                        loop.State = next;
                        activity?.KeyPressed(time.GetUtcNow(), next.Form is not null || next.Find is not null);
                        dirty = true;
                        if (command is QuitCommand)
                        {
                            return false;
                        }

                        if (command is not null)
                        {
                            if (loop.Connection is null)
                            {
                                loop.State = loop.State with { Message = new StatusMessage("Not sent: the service is not running. Try again when it is back.", IsError: true) };
                            }
                            else
                            {
                                await loop.Connection.SendAsync(command, cancellationToken);
                            }
                        }
                    }
                }

                // While the service is away its clock ticks stop: keep the idle clock honest locally.
                if (loop.Connection is null && time.GetUtcNow() - loop.LastLocalTick >= TimeSpan.FromSeconds(1))
                {
                    loop.LastLocalTick = time.GetUtcNow();
                    loop.State = PanelReducer.Apply(loop.State, new ClockTickEvent(time.GetLocalNow()));
                    dirty = true;
                }

                if ((console.Profile.Width, console.Profile.Height) != size)
                {
                    return true;
                }

                if (dirty)
                {
                    Draw(context, loop.State);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }

        return false;
    }

    private (PanelState State, PanelCommand? Command) OnKey(PanelState state, ConsoleKeyInfo key)
    {
        if (customerView)
        {
            // The customer's screen takes no input but Q: nothing typed there can reach the service.
            return char.ToUpperInvariant(key.KeyChar) == 'Q' ? (state, new QuitCommand()) : (state, null);
        }

        var result = PanelKeys.Handle(state, key);
        return (result.State, result.Command);
    }

    private void Draw(LiveDisplayContext context, PanelState state) => context.UpdateTarget(Frame(state));

    private IRenderable Frame(PanelState state)
    {
        var layout = new PanelLayout(Math.Max(20, console.Profile.Width), Math.Max(6, console.Profile.Height));
        return customerView ? CustomerViewScreen.Render(state, layout) : PanelScreen.Render(state, layout);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>What outlives one live display: the state, the connection, and the key read in flight (a second one would steal keys).</summary>
    private sealed class LoopState(PanelState state, Task<ConsoleKeyInfo?> key, DateTimeOffset now)
    {
        public PanelState State { get; set; } = state;

        public Task<ConsoleKeyInfo?> Key { get; set; } = key;

        public IPanelConnection? Connection { get; set; }

        public Task<bool>? Readable { get; set; }

        public DateTimeOffset RetryAt { get; set; } = now;

        public Backoff Backoff { get; } = new(FirstRetry, LastRetry);

        public DateTimeOffset LastLocalTick { get; set; } = now;
    }
}
