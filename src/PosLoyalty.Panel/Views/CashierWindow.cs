using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The cashier's window: the screen the state names (idle, greeting, unknown card), a message line, the waiting
/// sale and a status bar with the keys. It lays the state out; what a key means is <see cref="PanelKeys"/>'s call.
/// </summary>
internal sealed class CashierWindow : Window
{
    private const int KeysInFirstRow = 6;

    private readonly IdleView _idle = new();
    private readonly GreetingView _greeting = new();
    private readonly UnknownCardView _unknown = new();
    private readonly View _screen = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(4), CanFocus = false };
    private readonly LinesView _message = new() { X = 1, Y = Pos.AnchorEnd(4), Width = Dim.Fill(1), Height = 1 };
    private readonly LinesView _pending = new() { X = 1, Y = Pos.AnchorEnd(3), Width = Dim.Fill(1), Height = 1 };

    public CashierWindow(Action<char> pressed, Action escaped)
    {
        ArgumentNullException.ThrowIfNull(pressed);
        ArgumentNullException.ThrowIfNull(escaped);
        BorderStyle = LineStyle.None;
        Width = Dim.Fill();
        Height = Dim.Fill();
        _screen.Add(_idle, _greeting, _unknown);
        // Ten keys do not fit one row of 80 columns, so the status bar takes two rows, in the keys' order.
        var shortcuts = PanelKeys.MainKeys.Select(k => new Shortcut(Key(k.Key), k.Label, () => pressed(k.Key), null)).ToList();
        Add(_screen, _message, _pending, new StatusBar(shortcuts.Take(KeysInFirstRow)) { Y = Pos.AnchorEnd(2) }, new StatusBar(shortcuts.Skip(KeysInFirstRow)) { Y = Pos.AnchorEnd(1) });

        // The status bar's shortcuts take the lower-case letters; a cashier with Caps Lock on gets the same.
        KeyDown += (_, key) =>
        {
            if (key == Terminal.Gui.Input.Key.Esc)
            {
                key.Handled = true;
                escaped();
            }
            else if (!key.IsCtrl && !key.IsAlt && key.AsRune.Value is var rune and < 128 && char.IsAsciiLetter((char)rune)
                && (PanelKeys.MainKeys.Any(k => k.Key == char.ToUpperInvariant((char)rune)) || PanelKeys.PendingKeys.Any(k => k.Key == char.ToUpperInvariant((char)rune))))
            {
                key.Handled = true;
                pressed(char.ToUpperInvariant((char)rune));
            }
        };
    }

    public void Show(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Only what changed is marked for a draw (see LinesView); a Visible set to what it is would mark it anyway.
        ShowOnly(_idle, state.Screen == ScreenKind.Idle);
        ShowOnly(_greeting, state.Screen == ScreenKind.Customer && state.Customer is not null);
        ShowOnly(_unknown, state.Screen == ScreenKind.UnknownCard && state.UnknownCard is not null);
        _idle.Show(state.Idle);
        if (state.Customer is { } customer)
        {
            _greeting.Show(customer);
        }

        if (state.UnknownCard is { } card)
        {
            _unknown.Show(card);
        }

        var message = state.Message is { } m ? (m.IsError ? "✗ " : "› ") + m.Text : string.Empty;
        _message.Show(width => [TextFit.Cut(message, width)]);
        _pending.Show(width => [TextFit.Cut(ScreenText.Pending(state.Pending), width)]);
    }

    private static void ShowOnly(View view, bool visible)
    {
        if (view.Visible != visible)
        {
            view.Visible = visible;
        }
    }

    private static Key Key(char letter) => (Key)char.ToLowerInvariant(letter);
}
