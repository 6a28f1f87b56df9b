using PosLoyalty.Panel.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The keys that work right now, always on screen. Packed into as few lines as the width allows;
/// keys that need a customer are dimmed when none is shown.
/// </summary>
public static class KeyBar
{
    public static IReadOnlyList<(string Key, string Label, bool Enabled)> Keys(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Showing switch
        {
            ScreenKind.Form => FormKeys(state.Form!),
            ScreenKind.FindResults => [("↑↓", "choose", true), ("Enter", "open", true), ("F", "new search", true), ("Esc", "back", true)],
            _ => PanelKeys.MainKeys
                .Select(k => (k.Key.ToString(), k.Label, !k.NeedsCustomer || state.Screen == ScreenKind.Customer))
                .ToList(),
        };
    }

    public static int LineCount(PanelState state, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Pack(Keys(state), layout.Width).Count;
    }

    public static IRenderable Render(PanelState state, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var lines = Pack(Keys(state), layout.Width)
            .Select(line =>
            {
                var paragraph = new Paragraph();
                for (var i = 0; i < line.Count; i++)
                {
                    var (key, label, enabled) = line[i];
                    paragraph.Append(i == 0 ? string.Empty : "  ");
                    paragraph.Append(" " + key + " ", enabled ? Ink.Key : Ink.Dim);
                    paragraph.Append(" " + label, enabled ? Ink.Plain : Ink.Dim);
                }

                return (IRenderable)paragraph;
            });
        return new Rows(lines);
    }

    private static List<(string Key, string Label, bool Enabled)> FormKeys(FormState form)
    {
        var keys = new List<(string, string, bool)>();
        if (form.Fields.Length > 1)
        {
            keys.Add(("Tab", "next", true));
            keys.Add(("Shift+Tab", "back", true));
        }

        if (form.Fields.Any(f => f.Kind == FieldKind.Toggle))
        {
            keys.Add(("Space", "tick", true));
        }

        keys.Add(("Enter", form.Kind == FormKind.Find ? "search" : "save", true));
        keys.Add(("Esc", "cancel", true));
        return keys;
    }

    /// <summary>Greedy packing; a key and its label are never split across lines.</summary>
    private static List<List<(string Key, string Label, bool Enabled)>> Pack(IReadOnlyList<(string Key, string Label, bool Enabled)> keys, int width)
    {
        var lines = new List<List<(string, string, bool)>> { new() };
        var used = 0;
        foreach (var key in keys)
        {
            var size = key.Key.Length + 2 + 1 + key.Label.Length;
            var needed = lines[^1].Count == 0 ? size : size + 2;
            if (lines[^1].Count > 0 && used + needed > width)
            {
                lines.Add([]);
                used = 0;
                needed = size;
            }

            lines[^1].Add(key);
            used += needed;
        }

        return lines;
    }
}
