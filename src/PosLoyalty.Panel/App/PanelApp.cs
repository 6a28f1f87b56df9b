using PosLoyalty.Panel.Connection;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Views;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.App;

/// <summary>
/// The panel: one Terminal.Gui application (made by the caller with Application.Create and handed in), one window
/// for the cashier or for the customer, and the state it shows. Keys arrive on Terminal.Gui's thread and go through
/// <see cref="PanelKeys"/>; service events arrive on a background task and reach the state only through
/// <c>app.Invoke</c>, so only the UI thread touches the state and the views. When the service is away the panel keeps
/// running (Q still quits) and reconnects with backoff.
/// </summary>
public sealed class PanelApp : IDisposable
{
    public const string RetryingText = "service not running — retrying";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(2);

    private readonly IApplication _app;
    private readonly TimeProvider _time;
    private readonly Action<DateTimeOffset, bool>? _keyPressed;
    private readonly PanelTrace _trace;
    private readonly CashierWindow? _cashier;
    private readonly CustomerViewWindow? _customer;
    private FormDialog? _form;
    private SessionToken? _formSession;
    private FindDialog? _find;
    private SessionToken? _findSession;
    private volatile IPanelConnection? _connection;

    /// <param name="keyPressed">Told of every key the cashier presses and whether a form or search is open after it (the demo holds its scans back meanwhile).</param>
    /// <param name="trace">Where each service event's hops are timed; off when not given.</param>
    public PanelApp(IApplication app, TimeProvider time, bool customerView, Action<DateTimeOffset, bool>? keyPressed = null, PanelTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(time);
        _app = app;
        _time = time;
        _keyPressed = keyPressed;
        _trace = trace ?? PanelTrace.Off;
        State = PanelState.Start(new Model.IdleModel { Now = time.GetLocalNow() });
        if (customerView)
        {
            _customer = new CustomerViewWindow(Quit);
            Window = _customer;
        }
        else
        {
            _cashier = new CashierWindow(key => Do(PanelKeys.Handle(State, key)), () => Do(PanelKeys.Escape(State)));
            Window = _cashier;
        }

        _app.Keyboard.KeyDown += OnApplicationKeyDown;
        Render();
    }

    /// <summary>The window to run (or, in a test, to Begin).</summary>
    public Runnable Window { get; }

    public PanelState State { get; private set; }

    /// <summary>Applies a service event. Call on the UI thread (the connection pump does, through app.Invoke).</summary>
    public void Apply(PanelEvent panelEvent) => Apply(panelEvent, receivedNanoseconds: 0);

    /// <summary>Connects, pumps events to the UI thread, reconnects after a loss; until cancelled.</summary>
    public async Task PumpAsync(IPanelConnector connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            IPanelConnection connection;
            try
            {
                connection = await connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PanelUnavailableException)
            {
                Post(s => s with { Message = new StatusMessage(RetryingText, IsError: true) });
                try
                {
                    await Task.Delay(retry, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = FirstRetry;
            _connection = connection;
            Post(s => s.Message?.Text == RetryingText ? s with { Message = null } : s);
            try
            {
                await foreach (var panelEvent in connection.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    var received = _trace.NowNanoseconds();
                    _app.Invoke(() => Apply(panelEvent, received));
                }
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
            finally
            {
                _connection = null;
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                Post(s => s with { Message = new StatusMessage(RetryingText, IsError: true) });
            }
        }
    }

    /// <summary>Uses <paramref name="connection"/> for commands without the pump: for a headless test that applies events itself.</summary>
    internal void Attach(IPanelConnection connection) => _connection = connection;

    public void Dispose()
    {
        _app.Keyboard.KeyDown -= OnApplicationKeyDown;
        CloseForm();
        CloseFind();
        Window.Dispose();
    }

    private void Apply(PanelEvent panelEvent, long receivedNanoseconds)
    {
        var applying = _trace.NowNanoseconds();
        var next = PanelReducer.Apply(State, panelEvent);
        if (ReferenceEquals(next, State))
        {
            // nothing on screen changes (a clock tick within the minute): no redraw
            _trace.EventDone(panelEvent, receivedNanoseconds, applying, drawStartNanoseconds: null, drawEndNanoseconds: null);
            return;
        }

        State = next;
        Render();
        var drawStart = _trace.NowNanoseconds();
        DrawNow();
        _trace.EventDone(panelEvent, receivedNanoseconds, applying, drawStart, _trace.NowNanoseconds());
    }

    private void Post(Func<PanelState, PanelState> change) => _app.Invoke(() =>
    {
        State = change(State);
        Render();
        DrawNow();
    });

    /// <summary>
    /// Draws what changed now, not at the main loop's next iteration. Terminal.Gui runs an invoked action after its
    /// iteration's draw and then sleeps the rest of the iteration (1/25 s), so without this a scan's greeting waited a
    /// whole sleep, 40 ms, after it was applied. Keys need none of this: they are read before the draw of the same
    /// iteration. Only what is marked as needing a draw is drawn, so an event that changes nothing costs nothing.
    /// </summary>
    private void DrawNow() => _app.LayoutAndDraw(forceRedraw: false);

    private void Do(KeyResult result)
    {
        State = result.State;
        _keyPressed?.Invoke(_time.GetUtcNow(), State.Form is not null || State.Find is not null);
        Render();
        switch (result.Command)
        {
            case null:
                return;
            case QuitCommand:
                Quit();
                return;
            case { } command:
                Send(command);
                return;
        }
    }

    private void Send(PanelCommand command)
    {
        if (_connection is not { } connection)
        {
            State = State with { Message = new StatusMessage("Not sent: the service is not running. Try again when it is back.", IsError: true) };
            Render();
            return;
        }

        // Not awaited: both connections write without blocking (a socket write goes async when its buffer is full, the
        // in-process one hands the command to the thread pool), so the keys never wait for the service.
        _ = connection.SendAsync(command, CancellationToken.None).AsTask();
    }

    private void Quit() => _app.RequestStop(Window);

    /// <summary>
    /// Ctrl+C quits, from any screen and any open dialog, as Q does on the main screen. The terminal is in raw mode
    /// (no ISIG), so Ctrl+C arrives as a key, not as SIGINT; the application sees it before any view, so a text
    /// field cannot take it as "copy". The window stops, Run returns and disposing the application restores the
    /// terminal (main screen, cursor) before the process exits with 0.
    /// </summary>
    private void OnApplicationKeyDown(object? sender, Terminal.Gui.Input.Key key)
    {
        if (key == Terminal.Gui.Input.Key.C.WithCtrl)
        {
            key.Handled = true;
            Quit();
        }
    }

    /// <summary>Brings the views, and which dialog is open, in line with the state.</summary>
    private void Render()
    {
        if (_customer is not null)
        {
            _customer.Show(State);
            return;
        }

        _cashier!.Show(State);
        if (_form is not null && !ReferenceEquals(_form.Spec, State.Form))
        {
            CloseForm();
        }

        if (_find is not null && State.Find?.Query != _find.Query)
        {
            CloseFind();
        }

        if (State.Find is { } find && State.Form is null)
        {
            if (_find is null)
            {
                _find = new FindDialog(find, i => Do(PanelKeys.Choose(State, i)), () => Do(PanelKeys.SearchAgain(State)), () => Do(PanelKeys.CloseFind(State)));
                _findSession = _app.Begin(_find);
            }

            _find.Show(find, State.Idle.Now);
        }

        if (State.Form is { } form)
        {
            if (_form is null)
            {
                _form = new FormDialog(form, values => Do(PanelKeys.Submit(State, values)), () => Do(PanelKeys.Cancel(State)));
                _formSession = _app.Begin(_form);
            }

            _form.ShowErrors(State.FormErrors);
        }
    }

    private void CloseForm() => Close(ref _form, ref _formSession);

    private void CloseFind() => Close(ref _find, ref _findSession);

    private void Close<TDialog>(ref TDialog? dialog, ref SessionToken? session)
        where TDialog : Dialog
    {
        if (session is { } open)
        {
            _app.End(open);
        }

        dialog?.Dispose();
        dialog = null;
        session = null;
    }
}
