using System.Collections.Immutable;
using PosLoyalty.Panel.State;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// A form as a Dialog of real fields (TextField, CheckBox) made from a <see cref="FormSpec"/>. Terminal.Gui does
/// the typing, focus and Tab order; Enter hands what was typed to <c>submitted</c>, Esc calls <c>cancelled</c>,
/// and <see cref="ShowErrors"/> puts the validators' messages under their fields.
/// </summary>
internal sealed class FormDialog : Dialog
{
    private const int LabelWidth = 20;
    private readonly Dictionary<string, View> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Label> _errors = new(StringComparer.Ordinal);

    public FormDialog(FormSpec form, Action<FormValues> submitted, Action cancelled)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(cancelled);
        Spec = form;
        Title = form.Title;
        Width = Dim.Percent(90);
        Height = Dim.Auto();
        var y = 0;
        foreach (var field in form.Fields)
        {
            Add(new Label { Text = field.Label + (field.Required ? " *" : string.Empty), X = 0, Y = y });
            View input = field.Kind == FieldKind.Toggle
                ? new CheckBox { Text = "yes", X = LabelWidth, Y = y, Value = field.InitiallyChecked ? CheckState.Checked : CheckState.UnChecked }
                : new TextField { X = LabelWidth, Y = y, Width = Dim.Fill(field.Hint is null ? 0 : field.Hint.Length + 3), Secret = field.Kind == FieldKind.Secret };
            _inputs[field.Name] = input;
            Add(input);
            if (field.Hint is { } hint && field.Kind != FieldKind.Toggle)
            {
                Add(new Label { Text = "(" + hint + ")", X = Pos.AnchorEnd(hint.Length + 2), Y = y });
            }

            var error = new Label { Text = string.Empty, X = LabelWidth, Y = y + 1, Width = Dim.Fill(), Visible = false };
            _errors[field.Name] = error;
            Add(error);
            y += 2;
        }

        Add(
            new Label { Text = "* required", X = 0, Y = y },
            new Label { Text = "Tab next  Shift+Tab back  Space tick  Enter save  Esc cancel", X = 0, Y = y + 1 });

        // Enter in any field reaches the dialog as Accept; the form, not the field, decides what it means.
        Accepting += (_, e) =>
        {
            e.Handled = true;
            submitted(Values());
        };
        KeyDown += (_, key) =>
        {
            if (key == Key.Esc)
            {
                key.Handled = true;
                cancelled();
            }
        };
    }

    public FormSpec Spec { get; }

    public void ShowErrors(ImmutableDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (name, label) in _errors)
        {
            var has = errors.TryGetValue(name, out var text);
            label.Text = has ? "✗ " + text : string.Empty;
            label.Visible = has;
        }

        // Focus goes to the first field in error, as a cashier would look there next.
        if (Spec.Fields.FirstOrDefault(f => errors.ContainsKey(f.Name)) is { } first)
        {
            _inputs[first.Name].SetFocus();
        }
    }

    private FormValues Values()
    {
        var values = FormValues.Empty;
        foreach (var (name, input) in _inputs)
        {
            values = input switch
            {
                CheckBox box => values.WithTicked(name, box.Value == CheckState.Checked),
                TextField field => values.WithText(name, field.Text),
                _ => values,
            };
        }

        return values;
    }
}
