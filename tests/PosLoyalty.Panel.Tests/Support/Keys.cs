using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>Drives <see cref="PanelKeys.Handle"/> the way a terminal would deliver keys.</summary>
internal sealed class Keys
{
    private readonly List<PanelCommand> commands = [];

    public Keys(PanelState state) => State = state;

    public PanelState State { get; private set; }

    public IReadOnlyList<PanelCommand> Commands => commands;

    public Keys Press(ConsoleKey key, bool shift = false, bool control = false) =>
        Send(new ConsoleKeyInfo(key switch { ConsoleKey.Enter => '\r', ConsoleKey.Tab => '\t', ConsoleKey.Escape => '\u001b', ConsoleKey.Backspace => '\b', ConsoleKey.Spacebar => ' ', _ => '\0' }, key, shift, false, control));

    public Keys Ctrl(char letter) =>
        Send(new ConsoleKeyInfo((char)(char.ToUpperInvariant(letter) - '@'), (ConsoleKey)char.ToUpperInvariant(letter), false, false, true));

    public Keys Type(string text)
    {
        foreach (var c in text)
        {
            Send(new ConsoleKeyInfo(c, KeyOf(c), char.IsUpper(c), false, false));
        }

        return this;
    }

    public Keys Apply(PanelEvent panelEvent)
    {
        State = PanelReducer.Apply(State, panelEvent);
        return this;
    }

    private Keys Send(ConsoleKeyInfo key)
    {
        var result = PanelKeys.Handle(State, key);
        State = result.State;
        if (result.Command is not null)
        {
            commands.Add(result.Command);
        }

        return this;
    }

    /// <summary>The ConsoleKey a terminal reports; '.' is OemPeriod, not (ConsoleKey)46 which is Delete.</summary>
    private static ConsoleKey KeyOf(char c) => c switch
    {
        >= 'a' and <= 'z' => (ConsoleKey)char.ToUpperInvariant(c),
        >= 'A' and <= 'Z' => (ConsoleKey)c,
        >= '0' and <= '9' => (ConsoleKey)c,
        ' ' => ConsoleKey.Spacebar,
        '.' => ConsoleKey.OemPeriod,
        ',' => ConsoleKey.OemComma,
        '-' => ConsoleKey.OemMinus,
        '+' => ConsoleKey.OemPlus,
        _ => ConsoleKey.NoName,
    };
}
