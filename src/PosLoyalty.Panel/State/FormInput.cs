using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>
/// Keys while a form is open: typing edits the focused field, Tab/Shift+Tab (or the arrows) move,
/// Enter submits from any field, Esc cancels. Nothing here blocks: the live display keeps drawing.
/// </summary>
internal static class FormInput
{
    public static KeyResult Handle(PanelState state, FormState form, ConsoleKeyInfo key)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        var shift = key.Modifiers.HasFlag(ConsoleModifiers.Shift);
        switch (key.Key)
        {
            case ConsoleKey.Escape:
                return new KeyResult(state with { Form = null, Message = new StatusMessage("Cancelled.") });
            case ConsoleKey.Enter:
                return Submit(state, form);
            case ConsoleKey.Tab:
                return Moved(state, form, shift ? -1 : 1);
            case ConsoleKey.DownArrow:
                return Moved(state, form, 1);
            case ConsoleKey.UpArrow:
                return Moved(state, form, -1);
        }

        if (control)
        {
            var toggle = form.Fields.FirstOrDefault(f => f.ToggleKey is { } k && (ConsoleKey)char.ToUpperInvariant(k) == key.Key);
            return toggle is null
                ? new KeyResult(state)
                : Edited(state, form.With(toggle.Name, f => f with { Checked = !f.Checked }));
        }

        var field = form.Focused;
        if (field.Kind == FieldKind.Toggle)
        {
            var flips = key.Key == ConsoleKey.Spacebar
                || (field.ToggleKey is { } k && char.ToUpperInvariant(key.KeyChar) == char.ToUpperInvariant(k));
            return flips ? Edited(state, form.WithFocused(f => f with { Checked = !f.Checked, Error = null })) : new KeyResult(state);
        }

        var value = field.Value;
        var cursor = Math.Clamp(field.Cursor, 0, value.Length);
        var edited = key.Key switch
        {
            ConsoleKey.Backspace when cursor > 0 => field with { Value = value.Remove(cursor - 1, 1), Cursor = cursor - 1 },
            ConsoleKey.Delete when cursor < value.Length => field with { Value = value.Remove(cursor, 1) },
            ConsoleKey.LeftArrow => field with { Cursor = Math.Max(0, cursor - 1) },
            ConsoleKey.RightArrow => field with { Cursor = Math.Min(value.Length, cursor + 1) },
            ConsoleKey.Home => field with { Cursor = 0 },
            ConsoleKey.End => field with { Cursor = value.Length },
            _ when !char.IsControl(key.KeyChar) && value.Length < FormField.MaxLength =>
                field with { Value = value.Insert(cursor, key.KeyChar.ToString()), Cursor = cursor + 1, Error = null },
            _ => field,
        };
        return ReferenceEquals(edited, field) ? new KeyResult(state) : Edited(state, form.WithFocused(_ => edited));
    }

    private static KeyResult Edited(PanelState state, FormState form) => new(state with { Form = form });

    private static KeyResult Moved(PanelState state, FormState form, int step)
    {
        var count = form.Fields.Length;
        var focus = ((form.Focus + step) % count + count) % count;
        var target = form.Fields[focus];
        return Edited(state, form with { Focus = focus, Fields = form.Fields.SetItem(focus, target with { Cursor = target.Value.Length }) });
    }

    private static KeyResult Submit(PanelState state, FormState form)
    {
        var (checkedForm, command) = FormSubmission.Submit(form);
        if (command is null)
        {
            return new KeyResult(state with { Form = checkedForm, Message = null });
        }

        var next = state with { Form = null, Message = new StatusMessage(Pending(command)) };
        if (command is FindCommand find)
        {
            next = next with { Find = new FindState(find.Query) };
        }

        return new KeyResult(next, command);
    }

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
