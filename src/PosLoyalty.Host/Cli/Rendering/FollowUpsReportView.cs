using PosLoyalty.Storage.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;
using static PosLoyalty.Host.Cli.Rendering.ReportText;

namespace PosLoyalty.Host.Cli.Rendering;

/// <summary>`report followups` on a terminal: one row a follow-up, then how many and what counts as a large purchase.</summary>
internal static class FollowUpsReportView
{
    public static IRenderable Build(FollowUpReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var table = new Table().AddColumns("what", "id", "name", "due", "detail", "contact (with consent)");
        foreach (var i in r.Items)
        {
            table.AddRow(Kind(i.Kind), Num(i.Customer.Value), Markup.Escape(i.Name), Date(i.DueOn), Markup.Escape(i.Detail), Markup.Escape(ContactText(i.Contact)));
        }

        var large = r.ThresholdFromMedian ? $" ({FollowUps.DefaultLargePurchaseToMedianRatio}x the median basket)" : string.Empty;
        return new Rows(table, new Text($"{r.Items.Count} to follow up; a large purchase is {r.LargePurchaseThreshold:0.00} or more{large}"));
    }
}
