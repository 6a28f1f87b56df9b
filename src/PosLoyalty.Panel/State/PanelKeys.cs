using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>
/// The panel's keys, as a pure function: the loop reads a key with console.Input.ReadKeyAsync,
/// calls <see cref="Handle"/>, sends the command (if any) and redraws.
/// </summary>
public static class PanelKeys
{
    /// <summary>The keys the key bar shows when no form is open, in its order.</summary>
    public static IReadOnlyList<(char Key, string Label, bool NeedsCustomer)> MainKeys { get; } =
    [
        ('E', "enrol", false),
        ('N', "note", true),
        ('P', "pin", true),
        ('F', "find", false),
        ('R', "redeem", false),
        ('S', "manual sale", false),
        ('C', "complaint", true),
        ('A', "points", true),
        ('X', "clear", false),
        ('Q', "quit", false),
    ];

    public static KeyResult Handle(PanelState state, ConsoleKeyInfo key)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Form is { } form)
        {
            return FormInput.Handle(state, form, key);
        }

        if (state.Find is { } find)
        {
            return HandleFind(state, find, key);
        }

        if (key.Key == ConsoleKey.Escape)
        {
            return new KeyResult(state with { Message = null });
        }

        var customer = state.Screen == ScreenKind.Customer ? state.Customer : null;
        return char.ToUpperInvariant(key.KeyChar) switch
        {
            'E' => Open(state, Forms.Enrol(state.Screen == ScreenKind.UnknownCard ? state.UnknownCard?.CardValue : null)),
            'F' => Open(state, Forms.Find()),
            'R' => Open(state, Forms.Redeem()),
            'S' => Open(state, Forms.ManualSale(customer)),
            'N' or 'P' or 'C' or 'A' when customer is null =>
                new KeyResult(state with { Message = new StatusMessage("No customer on screen: scan a card or press F to find one.", IsError: true) }),
            'N' => Open(state, Forms.Note(customer!, pinned: false)),
            'P' => Open(state, Forms.Note(customer!, pinned: true)),
            'C' => Open(state, Forms.Complaint(customer!)),
            'A' => Open(state, Forms.AdjustPoints(customer!)),
            'Y' or 'D' when state.Pending.Count == 0 => new KeyResult(state with { Message = new StatusMessage("No sale is waiting for the cashier.", IsError: true) }),
            'Y' => new KeyResult(state with { Message = new StatusMessage($"Crediting receipt {state.Pending[^1].ReceiptNumber}…") }, new ConfirmPendingCommand(state.Pending[^1].Id)),
            'D' => new KeyResult(state with { Message = new StatusMessage($"Dropping receipt {state.Pending[^1].ReceiptNumber}…") }, new DropPendingCommand(state.Pending[^1].Id)),
            'X' => new KeyResult(state.Cleared() with { Message = null }, new ClearCommand()),
            'Q' => new KeyResult(state with { Message = new StatusMessage("Closing the panel…") }, new QuitCommand()),
            _ => new KeyResult(state),
        };
    }

    private static KeyResult Open(PanelState state, FormState form) => new(state with { Form = form, Message = null });

    private static KeyResult HandleFind(PanelState state, FindState find, ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.Escape)
        {
            return new KeyResult(state with { Find = null, Message = null });
        }

        if (find.Matches is not { Count: > 0 } matches)
        {
            // Still searching, or nothing found: only Esc (above) or F for a new search mean anything.
            return char.ToUpperInvariant(key.KeyChar) == 'F'
                ? Open(state with { Find = null }, Forms.Find())
                : new KeyResult(state);
        }

        switch (key.Key)
        {
            case ConsoleKey.UpArrow:
                return new KeyResult(state with { Find = find with { Selected = Math.Max(0, find.Selected - 1) } });
            case ConsoleKey.DownArrow:
                return new KeyResult(state with { Find = find with { Selected = Math.Min(matches.Count - 1, find.Selected + 1) } });
            case ConsoleKey.Enter:
                var chosen = matches[Math.Clamp(find.Selected, 0, matches.Count - 1)];
                return new KeyResult(
                    state with { Find = null, Message = new StatusMessage($"Opening {chosen.DisplayName}…") },
                    new SelectCustomerCommand(chosen.CustomerId));
            default:
                return char.ToUpperInvariant(key.KeyChar) == 'F'
                    ? Open(state with { Find = null }, Forms.Find())
                    : new KeyResult(state);
        }
    }
}
