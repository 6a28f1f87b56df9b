using PosLoyalty.Storage.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;
using static PosLoyalty.Host.Cli.Rendering.ReportText;

namespace PosLoyalty.Host.Cli.Rendering;

/// <summary>`report top` on a terminal: the best customers by spend, ranked.</summary>
internal static class TopCustomersView
{
    public static IRenderable Build(IReadOnlyList<TopCustomer> top, string currency)
    {
        ArgumentNullException.ThrowIfNull(top);
        var table = new Table().AddColumns("#", "id", "name", "visits", $"spend ({currency})", "last visit");
        foreach (var t in top)
        {
            table.AddRow(Num(t.Rank), Num(t.Id.Value), Markup.Escape(t.Name), Num(t.Visits), Money(t.Spend), t.LastVisitAt is { } at ? Date(at) : "-");
        }

        return table;
    }
}
