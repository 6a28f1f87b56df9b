using PosLoyalty.Storage.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;
using static PosLoyalty.Host.Cli.Rendering.ReportText;

namespace PosLoyalty.Host.Cli.Rendering;

/// <summary>`report lapsed` on a terminal: one row a lapsed customer, then how many.</summary>
internal static class LapsedReportView
{
    public static IRenderable Build(IReadOnlyList<LapsedCustomer> lapsed)
    {
        ArgumentNullException.ThrowIfNull(lapsed);
        var table = new Table().AddColumns("id", "name", "last visit", "why", "usual items", "contact (with consent)");
        foreach (var l in lapsed)
        {
            table.AddRow(Markup.Escape(Num(l.Id.Value)), Markup.Escape(l.Name), Date(l.LastVisitAt), Markup.Escape(l.Reason), Markup.Escape(string.Join(", ", l.UsualItems)), Markup.Escape(ContactText(l.Contact)));
        }

        return new Rows(table, new Text($"{lapsed.Count} lapsed"));
    }
}
