using PosLoyalty.Storage.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;
using static PosLoyalty.Host.Cli.Rendering.ReportText;

namespace PosLoyalty.Host.Cli.Rendering;

/// <summary>`report segments` on a terminal: the thresholds in words, a bar chart of customers per segment and a table of revenue shares with the Pareto split.</summary>
internal static class SegmentsReportView
{
    private static readonly Color[] Colours = [Color.Green, Color.Aqua, Color.Yellow, Color.Grey, Color.Red];

    public static IRenderable Build(SegmentReport r, string currency)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = r.Thresholds;
        var parts = new List<IRenderable>
        {
            new Text($"Customer segments, {r.WindowFrom:yyyy-MM-dd} to {r.WindowTo:yyyy-MM-dd} ({r.Customers} customers, {r.MemberRevenue:0.00} {currency} member revenue)"),
            new Text($"  regular: at least {t.RegularVisitsPerMonth} visit(s) a month on average ({t.RegularVisitsInWindow} in {t.WindowMonths} months)"),
            new Text($"  heavy: average basket at least {r.MedianBasket * t.HeavyBasketToMedianRatio:0.00} {currency} ({t.HeavyBasketToMedianRatio}x the shop's median basket {r.MedianBasket:0.00} over {r.BasketsInWindow} sales)"),
            new Text($"  former: no visit since {r.FormerIfNotSeenSince:yyyy-MM-dd} ({t.FormerAfterMonths} months); wins over the rest"),
        };
        var chart = new BarChart().Width(70).Label("customers per segment");
        foreach (var g in r.Groups)
        {
            chart.AddItem(g.Name, g.Customers, Colours[(int)g.Segment]);
        }

        parts.Add(chart);
        var table = new Table().AddColumns("segment", "customers", $"revenue ({currency})", "share");
        foreach (var g in r.Groups)
        {
            table.AddRow(g.Name, Num(g.Customers), Money(g.Revenue), Percent(g.RevenueShare));
        }

        foreach (var b in r.Pareto)
        {
            table.AddRow("pareto " + b.Name, Num(b.Customers), Money(b.Revenue), Percent(b.RevenueShare));
        }

        parts.Add(table);
        if (r.UnclaimedRevenue != 0)
        {
            parts.Add(new Text($"receipts nobody claimed: {r.UnclaimedRevenue:0.00} {currency} (in the median basket, in no segment)"));
        }

        return new Rows(parts);
    }
}
