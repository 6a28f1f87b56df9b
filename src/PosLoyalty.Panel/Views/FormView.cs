using BoxPanel = Spectre.Console.Panel;
using PosLoyalty.Panel.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// A form drawn inside the live display (a prompt would fight the live display for the terminal).
/// The focused field is marked with › and shows the cursor; errors sit under their field.
/// </summary>
public static class FormView
{
    public static IRenderable Render(FormState form, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(layout);
        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Width = 2, Padding = new Padding(0) });
        grid.AddColumn(new GridColumn { NoWrap = true, Width = layout.IsWide ? 20 : 18, Padding = new Padding(0, 0, 1, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0) });
        for (var i = 0; i < form.Fields.Length; i++)
        {
            var field = form.Fields[i];
            var focused = i == form.Focus;
            grid.AddRow(
                Ink.Line(focused ? "›" : " ", Ink.Heading),
                Ink.Line(field.Label + (field.Required ? " *" : string.Empty), focused ? Ink.Bold : Ink.Plain),
                Value(field, focused));
            if (field.Error is { } error)
            {
                grid.AddRow(Ink.Blank(), Ink.Blank(), Ink.Line("✗ " + error, Ink.Bad));
            }
        }

        var rows = new Rows(
            Ink.Line(form.Title, Ink.Heading),
            Ink.Blank(),
            grid,
            Ink.Blank(),
            Ink.Line("* required", Ink.Dim));
        return new BoxPanel(rows)
        {
            Border = BoxBorder.Rounded,
            Expand = true,
            Padding = new Padding(1, 0, 1, 0),
        };
    }

    private static Paragraph Value(FormField field, bool focused)
    {
        if (field.Kind == FieldKind.Toggle)
        {
            return Ink.Line(
                (field.Checked ? "[x] yes" : "[ ] no", focused ? Ink.Bold : Ink.Plain),
                (field.Hint is null ? string.Empty : "   (" + field.Hint + ")", Ink.Dim));
        }

        var shown = field.Kind == FieldKind.Secret ? new string('•', field.Value.Length) : field.Value;
        if (!focused)
        {
            return shown.Length == 0 && field.Hint is not null ? Ink.Line("(" + field.Hint + ")", Ink.Dim) : Ink.Line(shown);
        }

        var cursor = Math.Clamp(field.Cursor, 0, shown.Length);
        var line = cursor == shown.Length
            ? Ink.Line((shown, Ink.Plain), ("█", Ink.Plain))
            : Ink.Line((shown[..cursor], Ink.Plain), (shown[cursor].ToString(), Ink.Cursor), (shown[(cursor + 1)..], Ink.Plain));
        if (shown.Length == 0 && field.Hint is not null)
        {
            line.Append("  (" + field.Hint + ")", Ink.Dim);
        }

        return line;
    }
}
