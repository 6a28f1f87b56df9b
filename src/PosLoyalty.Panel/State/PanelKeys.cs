using System.Collections.Immutable;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>
/// What the panel's keys mean, as pure functions of the state. Terminal.Gui delivers the keys (the status bar's
/// shortcuts, a dialog's Enter and Esc, a list's choice); these decide what each one does and what to send.
/// </summary>
public static class PanelKeys
{
    /// <summary>The keys the status bar shows when no form is open, in its order.</summary>
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

    /// <summary>The keys that answer a sale waiting for the cashier.</summary>
    public static IReadOnlyList<(char Key, string Label)> PendingKeys { get; } = [('Y', "credit"), ('D', "drop")];

    /// <summary>A letter pressed on the main screen (no form or search open).</summary>
    public static KeyResult Handle(PanelState state, char key)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Form is not null || state.Find is not null)
        {
            return new KeyResult(state); // the dialog on top has the keys
        }

        var customer = state.Screen == ScreenKind.Customer ? state.Customer : null;
        return char.ToUpperInvariant(key) switch
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

    /// <summary>Esc on the main screen: the message line is read, clear it.</summary>
    public static KeyResult Escape(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new KeyResult(state with { Message = null });
    }

    /// <summary>Enter in the open form: the command, or the same form with its errors inline.</summary>
    public static KeyResult Submit(PanelState state, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Form is not { } form)
        {
            return new KeyResult(state);
        }

        var check = FormSubmission.Submit(form, values);
        if (check.Command is not { } command)
        {
            return new KeyResult(state with { FormErrors = check.Errors, Message = null });
        }

        var next = state with { Form = null, FormErrors = ImmutableDictionary<string, string>.Empty, Message = new StatusMessage(Pending(command)) };
        if (command is FindCommand find)
        {
            next = next with { Find = new FindState(find.Query) };
        }

        return new KeyResult(next, command);
    }

    /// <summary>Esc in the open form.</summary>
    public static KeyResult Cancel(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Form is null
            ? new KeyResult(state)
            : new KeyResult(state with { Form = null, FormErrors = ImmutableDictionary<string, string>.Empty, Message = new StatusMessage("Cancelled.") });
    }

    /// <summary>Esc on the search results.</summary>
    public static KeyResult CloseFind(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new KeyResult(state with { Find = null, Message = null });
    }

    /// <summary>F on the search results: a new search.</summary>
    public static KeyResult SearchAgain(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Open(state with { Find = null }, Forms.Find());
    }

    /// <summary>Enter on a search result: open that customer.</summary>
    public static KeyResult Choose(PanelState state, int index)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Find?.Matches is not { Count: > 0 } matches)
        {
            return new KeyResult(state);
        }

        var chosen = matches[Math.Clamp(index, 0, matches.Count - 1)];
        return new KeyResult(
            state with { Find = null, Message = new StatusMessage($"Opening {chosen.DisplayName}…") },
            new SelectCustomerCommand(chosen.CustomerId));
    }

    private static KeyResult Open(PanelState state, FormSpec form) =>
        new(state with { Form = form, FormErrors = ImmutableDictionary<string, string>.Empty, Message = null });

    /// <summary>What the message line says until the service answers.</summary>
    private static string Pending(PanelCommand command) => command switch
    {
        EnrolCommand e => $"Enrolling {e.Name}…",
        AddNoteCommand { Pinned: true } => "Saving pinned note…",
        AddNoteCommand => "Saving note…",
        FindCommand f => $"Searching for \"{f.Query}\"…",
        RedeemCommand r => $"Redeeming {r.Code}…",
        ManualSaleCommand s => FormattableString.Invariant($"Recording sale of {s.Amount:0.00}…"),
        ComplaintCommand { FollowUp: true } => "Saving complaint for follow-up…",
        ComplaintCommand => "Saving complaint…",
        AdjustPointsCommand a => FormattableString.Invariant($"Adjusting points by {a.Points:+#;-#}…"),
        _ => "Sending…",
    };
}
