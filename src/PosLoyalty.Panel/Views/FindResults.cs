using BoxPanel = Spectre.Console.Panel;
using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>Search results to pick from with the arrows; <paramref name="now"/> dates the last visits.</summary>
public static class FindResults
{
    public static IRenderable Render(FindState find, DateTimeOffset now, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(layout);
        var rows = new List<IRenderable> { Ink.Line(("Find ", Ink.Heading), ("\"" + find.Query + "\"", Ink.Bold)), Ink.Blank() };
        if (find.Matches is null)
        {
            rows.Add(Ink.Line("Searching…", Ink.Dim));
        }
        else if (find.Matches.Count == 0)
        {
            rows.Add(Ink.Line("No customer matches. F to search again, Esc to go back."));
        }
        else
        {
            // Leave room for the title and the border; the selection stays visible when the list is long.
            var visible = Math.Max(3, layout.Height - 10);
            var first = Math.Clamp(find.Selected - visible + 1, 0, Math.Max(0, find.Matches.Count - visible));
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumn(new TableColumn(string.Empty) { Width = 1, Padding = new Padding(0, 0, 1, 0) });
            table.AddColumn("Name");
            table.AddColumn("Card");
            table.AddColumn("Last visit");
            for (var i = first; i < Math.Min(find.Matches.Count, first + visible); i++)
            {
                var match = find.Matches[i];
                var selected = i == find.Selected;
                var style = selected ? new Style(decoration: Decoration.Bold | Decoration.Invert) : Ink.Plain;
                table.AddRow(
                    Ink.Line(selected ? "›" : " ", Ink.Heading),
                    Ink.Line(match.DisplayName, style),
                    Ink.Line(match.CardLast4 is null ? "—" : CardMask.FromLast4(match.CardLast4), style),
                    Ink.Line(match.LastVisit is { } last ? RelativeDate.Describe(last, now) : "never", style));
            }

            rows.Add(table);
            if (find.Matches.Count > visible)
            {
                rows.Add(Ink.Line(FormattableString.Invariant($"{find.Selected + 1} of {find.Matches.Count}"), Ink.Dim));
            }
        }

        return new BoxPanel(new Rows(rows)) { Border = BoxBorder.Rounded, Expand = true, Padding = new Padding(1, 0, 1, 0) };
    }
}
