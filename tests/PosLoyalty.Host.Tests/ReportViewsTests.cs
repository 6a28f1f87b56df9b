using PosLoyalty.Domain.Values;
using PosLoyalty.Host.Cli.Rendering;
using PosLoyalty.Storage.Reports;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace PosLoyalty.Host.Tests;

/// <summary>
/// What the owner's reports draw on a terminal, from the data the report command computed, rendered by
/// Spectre.Console.Testing's console at a fixed width: the columns, every value, the totals and the charts' bars.
/// </summary>
public sealed class ReportViewsTests
{
    private static readonly DateTimeOffset From = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Segments_show_the_thresholds_a_bar_a_segment_and_the_revenue_table_with_the_pareto_split()
    {
        var report = new SegmentReport(
            SegmentThresholds.Default with { RegularVisitsPerMonth = 2m },
            From,
            To,
            new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
            12.5m,
            40,
            10,
            300m,
            7.25m,
            [
                new SegmentGroup(CustomerSegment.RegularHeavy, 6, 200m, 0.6667m),
                new SegmentGroup(CustomerSegment.RegularLight, 3, 80m, 0.2667m),
                new SegmentGroup(CustomerSegment.InfrequentHeavy, 0, 0m, 0m),
                new SegmentGroup(CustomerSegment.InfrequentLight, 1, 20m, 0.0667m),
                new SegmentGroup(CustomerSegment.Former, 0, 0m, 0m),
            ],
            [new ParetoBand("top 20%", 2, 150m, 0.5m), new ParetoBand("other 80%", 8, 150m, 0.5m)]);

        var lines = Render(SegmentsReportView.Build(report, "EUR"));

        Assert.Contains("Customer segments, 2025-12-01 to 2026-12-01 (10 customers, 300.00 EUR member revenue)", lines);
        Assert.Contains("  regular: at least 2 visit(s) a month on average (24 in 12 months)", lines);
        Assert.Contains("  heavy: average basket at least 12.50 EUR (1x the shop's median basket 12.50 over 40 sales)", lines);
        Assert.Contains("  former: no visit since 2026-06-01 (6 months); wins over the rest", lines);
        Assert.Contains(lines, l => l.Contains("customers per segment", StringComparison.Ordinal));
        // Bars are as long as the counts say: 6 > 3 > 1, and an empty segment has none.
        Assert.True(Bar(lines, "regular-heavy") > Bar(lines, "regular-light"));
        Assert.True(Bar(lines, "regular-light") > Bar(lines, "infrequent-light"));
        Assert.True(Bar(lines, "infrequent-light") > 0);
        Assert.Equal(0, Bar(lines, "former"));
        Assert.Equal(["segment", "customers", "revenue (EUR)", "share"], Cells(Header(lines, "segment")));
        Assert.Equal(["regular-heavy", "6", "200.00", "66.7%"], Row(lines, "regular-heavy"));
        Assert.Equal(["infrequent-light", "1", "20.00", "6.7%"], Row(lines, "infrequent-light"));
        Assert.Equal(["pareto top 20%", "2", "150.00", "50.0%"], Row(lines, "pareto top 20%"));
        Assert.Equal(["pareto other 80%", "8", "150.00", "50.0%"], Row(lines, "pareto other 80%"));
        Assert.Equal("receipts nobody claimed: 7.25 EUR (in the median basket, in no segment)", lines[^1]);
    }

    [Fact]
    public void Segments_without_unclaimed_receipts_end_with_the_table()
    {
        var report = new SegmentReport(SegmentThresholds.Default, From, To, From, 0m, 0, 0, 0m, 0m, [new SegmentGroup(CustomerSegment.Former, 0, 0m, 0m)], []);

        var lines = Render(SegmentsReportView.Build(report, "EUR"));

        Assert.DoesNotContain(lines, l => l.Contains("nobody claimed", StringComparison.Ordinal));
        Assert.StartsWith("└", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Lapsed_lists_each_customer_with_reason_usual_items_and_contact_then_the_count()
    {
        var lapsed = new List<LapsedCustomer>
        {
            new(new CustomerId(7), "Anna [Rossi]", 12, new DateTimeOffset(2026, 9, 3, 10, 0, 0, TimeSpan.Zero), 89, 7, "3x usual gap", ["flat white", "croissant"], new ContactDetails("+39 333 1", "anna@example.org")),
            new(new CustomerId(9), "Marco Bianchi", 3, new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), 214, null, "not seen for 214 days", [], null),
        };

        var lines = Render(LapsedReportView.Build(lapsed));

        Assert.Equal(["id", "name", "last visit", "why", "usual items", "contact (with consent)"], Cells(Header(lines, "id")));
        // A name with brackets is shown as typed, not read as markup.
        Assert.Equal(["7", "Anna [Rossi]", "2026-09-03", "3x usual gap", "flat white, croissant", "+39 333 1 anna@example.org"], Row(lines, "7"));
        Assert.Equal(["9", "Marco Bianchi", "2026-05-01", "not seen for 214 days", string.Empty, "-"], Row(lines, "9"));
        Assert.Equal("2 lapsed", lines[^1]);
    }

    [Fact]
    public void Followups_list_kind_due_date_and_detail_then_the_large_purchase_threshold()
    {
        var report = new FollowUpReport(14, 60m, true,
        [
            new FollowUp(FollowUpKind.ThankYouCall, new CustomerId(3), "Lena Vogt", new DateOnly(2026, 12, 2), "sale of 75.00", new ContactDetails(null, "lena@example.org")),
            new FollowUp(FollowUpKind.Birthday, new CustomerId(4), "Otto", new DateOnly(2026, 12, 9), "turns 40", null),
        ]);

        var lines = Render(FollowUpsReportView.Build(report));

        Assert.Equal(["what", "id", "name", "due", "detail", "contact (with consent)"], Cells(Header(lines, "what")));
        Assert.Equal(["thank-you-call", "3", "Lena Vogt", "2026-12-02", "sale of 75.00", "lena@example.org"], Row(lines, "thank-you-call"));
        Assert.Equal(["birthday", "4", "Otto", "2026-12-09", "turns 40", "-"], Row(lines, "birthday"));
        Assert.Equal($"2 to follow up; a large purchase is 60.00 or more ({FollowUps.DefaultLargePurchaseToMedianRatio}x the median basket)", lines[^1]);
    }

    [Fact]
    public void Top_ranks_customers_by_spend_in_the_shop_currency()
    {
        var top = new List<TopCustomer>
        {
            new(1, new CustomerId(12), "Anna Rossi", 30, 412.5m, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)),
            new(2, new CustomerId(5), "Marco", 4, 19m, null),
        };

        var lines = Render(TopCustomersView.Build(top, "CHF"));

        Assert.Equal(["#", "id", "name", "visits", "spend (CHF)", "last visit"], Cells(Header(lines, "#")));
        Assert.Equal(["1", "12", "Anna Rossi", "30", "412.50", "2026-11-30"], Row(lines, "1"));
        Assert.Equal(["2", "5", "Marco", "4", "19.00", "-"], Row(lines, "2"));
    }

    [Fact]
    public void Visits_chart_weekdays_and_open_hours_and_grid_the_counts()
    {
        var counts = new long[7, 24];
        counts[(int)DayOfWeek.Monday, 9] = 4;
        counts[(int)DayOfWeek.Monday, 17] = 1;
        counts[(int)DayOfWeek.Saturday, 9] = 2;

        var lines = Render(VisitsReportView.Build(new VisitPattern(From, To, counts)));

        Assert.Equal("Sales by local weekday and hour, 2025-12-01 to 2026-12-01 (7 sales)", lines[0]);
        Assert.Contains(lines, l => l.Contains("by weekday", StringComparison.Ordinal));
        Assert.True(Bar(lines, "Mon") > Bar(lines, "Sat"));
        Assert.True(Bar(lines, "Sat") > 0);
        Assert.Equal(0, Bar(lines, "Tue"));
        // Only the hours with a sale get a bar and a column.
        Assert.True(Bar(lines, "09:00") > Bar(lines, "17:00"));
        Assert.DoesNotContain(lines, l => l.Contains("10:00", StringComparison.Ordinal));
        Assert.Equal(["day", "09", "17"], Cells(Header(lines, "day")));
        Assert.Equal(["Mon", "4", "1"], Row(lines, "Mon"));
        Assert.Equal(["Sat", "2", "0"], Row(lines, "Sat"));
        Assert.Equal(["Sun", "0", "0"], Row(lines, "Sun"));
    }

    [Fact]
    public void Visits_without_any_sale_say_so_and_draw_no_hour_chart_or_grid()
    {
        // Spectre's bar chart throws on no items (the max of none): an empty period must not crash the report.
        var lines = Render(VisitsReportView.Build(new VisitPattern(From, To, new long[7, 24])));

        Assert.Equal("Sales by local weekday and hour, 2025-12-01 to 2026-12-01 (0 sales)", lines[0]);
        Assert.Equal("by hour: no sales in this period", lines[^1]);
        Assert.Equal(0, Bar(lines, "Mon"));
        Assert.DoesNotContain(lines, l => l.Contains('│', StringComparison.Ordinal));
    }

    private static string[] Render(IRenderable renderable)
    {
        var console = new TestConsole().Width(120);
        console.Write(renderable);
        return console.Output.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToArray();
    }

    /// <summary>The bar chart's line for <paramref name="label"/> (not a table row): how many cells its bar fills.</summary>
    private static int Bar(string[] lines, string label)
    {
        var line = Assert.Single(lines, l => !l.Contains('│', StringComparison.Ordinal) && l.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));
        return line.Count(c => c == '█');
    }

    private static string Header(string[] lines, string firstColumn) =>
        Assert.Single(lines, l => Cells(l) is [var first, ..] && first == firstColumn);

    private static string[] Row(string[] lines, string firstCell) =>
        Cells(Assert.Single(lines, l => Cells(l) is [var first, ..] && first == firstCell));

    private static string[] Cells(string line) =>
        line.StartsWith('│') ? line.Trim('│').Split('│').Select(c => c.Trim()).ToArray() : [];
}
