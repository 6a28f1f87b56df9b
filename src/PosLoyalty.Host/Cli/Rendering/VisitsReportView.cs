using System.Globalization;
using PosLoyalty.Storage.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;
using static PosLoyalty.Host.Cli.Rendering.ReportText;

namespace PosLoyalty.Host.Cli.Rendering;

/// <summary>`report visits` on a terminal: sales by weekday and by hour as bar charts, then a weekday × hour grid of the hours with any sale (none of either when there was no sale).</summary>
internal static class VisitsReportView
{
    /// <summary>The week as a till's owner reads it, Monday first.</summary>
    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IRenderable Build(VisitPattern v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var parts = new List<IRenderable> { new Text($"Sales by local weekday and hour, {v.From:yyyy-MM-dd} to {v.To:yyyy-MM-dd} ({v.Total} sales)") };
        var byDay = new BarChart().Width(70).Label("by weekday");
        foreach (var d in Week)
        {
            byDay.AddItem(d.ToString()[..3], v.OnDay(d), Color.Aqua);
        }

        parts.Add(byDay);
        var open = Enumerable.Range(0, 24).Where(h => v.AtHour(h) > 0).ToList();
        if (open.Count == 0)
        {
            // Spectre's bar chart cannot draw no bars (it takes the largest of none): say so instead.
            parts.Add(new Text("by hour: no sales in this period"));
            return new Rows(parts);
        }

        var byHour = new BarChart().Width(70).Label("by hour");
        foreach (var h in open)
        {
            byHour.AddItem(Hour(h) + ":00", v.AtHour(h), Color.Yellow);
        }

        parts.Add(byHour);
        var grid = new Table().AddColumn("day");
        foreach (var h in open)
        {
            grid.AddColumn(Hour(h));
        }

        foreach (var d in Week)
        {
            grid.AddRow([d.ToString()[..3], .. open.Select(h => Num(v.Counts[(int)d, h]))]);
        }

        parts.Add(grid);
        return new Rows(parts);
    }

    private static string Hour(int h) => h.ToString("00", CultureInfo.InvariantCulture);
}
