using System.CommandLine;
using System.Globalization;
using CsvHelper;
using PosLoyalty.Host.Cli.Rendering;
using PosLoyalty.Storage.Reports;
using Spectre.Console;
using static PosLoyalty.Host.Cli.Rendering.ReportText;

namespace PosLoyalty.Host.Cli;

/// <summary>`report segments|lapsed|followups|top|liability|visits [--chain]`: the owner's reports (docs/owner-reports.md), over this till's file or the whole chain.</summary>
internal static class ReportCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var report = new Command("report", "the owner's reports: segments, lapsed customers, follow-ups, top customers, liability, visits");
        report.Options.Add(ReportSource.Chain);
        report.Subcommands.Add(Segments(bind));
        report.Subcommands.Add(Lapsed(bind));
        report.Subcommands.Add(FollowUpsCommand(bind));
        report.Subcommands.Add(Top(bind));
        report.Subcommands.Add(LiabilityCommand(bind));
        report.Subcommands.Add(Visits(bind));
        return report;
    }

    private static Option<string?> CsvFile() => new("--csv") { Description = "also write the rows to this CSV file (UTF-8, RFC 4180)" };

    private static Command Segments(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var d = SegmentThresholds.Default;
        var formerMonths = new Option<int>("--former-months") { Description = $"no visit for this many months makes a customer former (default {d.FormerAfterMonths})", DefaultValueFactory = _ => d.FormerAfterMonths };
        var regular = new Option<decimal>("--regular-visits-per-month") { Description = $"average visits a month that make a regular (default {d.RegularVisitsPerMonth})", DefaultValueFactory = _ => d.RegularVisitsPerMonth };
        var heavy = new Option<decimal>("--heavy-basket-ratio") { Description = $"average basket at or above this times the shop's median is heavy (default {d.HeavyBasketToMedianRatio})", DefaultValueFactory = _ => d.HeavyBasketToMedianRatio };
        var window = new Option<int>("--window-months") { Description = $"months of history for visits, spend and the median (default {d.WindowMonths})", DefaultValueFactory = _ => d.WindowMonths };
        var csv = CsvFile();
        var command = new Command("segments", "regulars, infrequent and former customers, light and heavy, with revenue shares and the Pareto split") { formerMonths, regular, heavy, window, csv };
        bind(command, (ctx, p) =>
        {
            var thresholds = new SegmentThresholds
            {
                FormerAfterMonths = p.GetValue(formerMonths),
                RegularVisitsPerMonth = p.GetValue(regular),
                HeavyBasketToMedianRatio = p.GetValue(heavy),
                WindowMonths = p.GetValue(window),
            };
            using var source = ReportSource.Open(ctx, p);
            var r = source.Get<SegmentAnalysis>().Run(thresholds);
            var currency = ctx.Rules.ShopCurrency.Value;
            if (p.GetValue(csv) is { } path)
            {
                WriteCsv(path, ["kind", "name", "customers", "revenue", "revenue_share"], r.Groups.Select(g => new[] { "segment", g.Name, Num(g.Customers), Money(g.Revenue), Num(g.RevenueShare) })
                    .Concat(r.Pareto.Select(b => new[] { "pareto", b.Name, Num(b.Customers), Money(b.Revenue), Num(b.RevenueShare) })));
            }

            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, new
                {
                    currency,
                    window = new { from = r.WindowFrom, to = r.WindowTo, months = thresholds.WindowMonths },
                    thresholds = new
                    {
                        formerMonths = thresholds.FormerAfterMonths,
                        formerIfNotSeenSince = r.FormerIfNotSeenSince,
                        regularVisitsPerMonth = thresholds.RegularVisitsPerMonth,
                        regularVisitsInWindow = thresholds.RegularVisitsInWindow,
                        heavyBasketRatio = thresholds.HeavyBasketToMedianRatio,
                        medianBasket = r.MedianBasket,
                        heavyBasketAtLeast = r.MedianBasket * thresholds.HeavyBasketToMedianRatio,
                    },
                    customers = r.Customers,
                    basketsInWindow = r.BasketsInWindow,
                    memberRevenue = r.MemberRevenue,
                    unclaimedRevenue = r.UnclaimedRevenue,
                    segments = r.Groups.Select(g => new { segment = g.Name, customers = g.Customers, revenue = g.Revenue, revenueShare = g.RevenueShare }),
                    pareto = r.Pareto.Select(b => new { band = b.Name, customers = b.Customers, revenue = b.Revenue, revenueShare = b.RevenueShare }),
                });
                return ExitCodes.Ok;
            }

            Console(ctx).Write(SegmentsReportView.Build(r, currency));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Lapsed(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var days = new Option<int>("--days") { Description = $"also list anyone not seen for more than N days (default {LapsedCustomers.DefaultDays})", DefaultValueFactory = _ => LapsedCustomers.DefaultDays };
        var csv = CsvFile();
        csv.Description = "write a mail-merge CSV: only customers who consent to marketing";
        var command = new Command("lapsed", $"customers who stopped or slowed: {LapsedCustomers.SlowdownFactor}x their usual gap, or longer than --days") { days, csv };
        bind(command, (ctx, p) =>
        {
            using var source = ReportSource.Open(ctx, p);
            var lapsed = source.Get<LapsedCustomers>().Run(p.GetValue(days));
            if (p.GetValue(csv) is { } path)
            {
                // A contact list: consent is checked when it is written, so a withdrawal counts at once.
                WriteCsv(path, ["customer_id", "name", "phone", "email", "last_visit", "days_since", "usual_items"], lapsed.Where(l => l.Contact is not null).Select(l => new[]
                {
                    Num(l.Id.Value), l.Name, l.Contact!.Phone ?? string.Empty, l.Contact.Email ?? string.Empty,
                    l.LastVisitAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Num((long)l.DaysSinceLastVisit), string.Join("; ", l.UsualItems),
                }));
            }

            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, lapsed.Select(l => new
                {
                    customerId = l.Id.Value,
                    name = l.Name,
                    visits = l.Visits,
                    lastVisitAt = l.LastVisitAt,
                    daysSinceLastVisit = l.DaysSinceLastVisit,
                    usualGapDays = l.UsualGapDays,
                    reason = l.Reason,
                    usualItems = l.UsualItems,
                    contact = l.Contact is null ? null : new { phone = l.Contact.Phone, email = l.Contact.Email },
                }));
                return ExitCodes.Ok;
            }

            Console(ctx).Write(LapsedReportView.Build(lapsed));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command FollowUpsCommand(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var days = new Option<int>("--days") { Description = $"birthdays and anniversaries in the next N days (default {FollowUps.DefaultDaysAhead})", DefaultValueFactory = _ => FollowUps.DefaultDaysAhead };
        var large = new Option<decimal?>("--large-purchase") { Description = $"a sale at or above this amount in the last {FollowUps.ThankYouWindowDays} days earns a thank-you call (default {FollowUps.DefaultLargePurchaseToMedianRatio}x the median basket)" };
        var csv = CsvFile();
        var command = new Command("followups", "complaints and flagged notes, thank-you calls after large purchases, birthdays and anniversaries") { days, large, csv };
        bind(command, (ctx, p) =>
        {
            using var source = ReportSource.Open(ctx, p);
            var r = source.Get<FollowUps>().Run(p.GetValue(days), p.GetValue(large));
            if (p.GetValue(csv) is { } path)
            {
                WriteCsv(path, ["kind", "customer_id", "name", "due", "detail", "phone", "email"], r.Items.Select(i => new[]
                {
                    Kind(i.Kind), Num(i.Customer.Value), i.Name, i.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Detail, i.Contact?.Phone ?? string.Empty, i.Contact?.Email ?? string.Empty,
                }));
            }

            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, new
                {
                    daysAhead = r.DaysAhead,
                    largePurchaseAtLeast = r.LargePurchaseThreshold,
                    largePurchaseFromMedian = r.ThresholdFromMedian,
                    items = r.Items.Select(i => new
                    {
                        kind = Kind(i.Kind),
                        customerId = i.Customer.Value,
                        name = i.Name,
                        due = i.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        detail = i.Detail,
                        contact = i.Contact is null ? null : new { phone = i.Contact.Phone, email = i.Contact.Email },
                    }),
                });
                return ExitCodes.Ok;
            }

            Console(ctx).Write(FollowUpsReportView.Build(r));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Top(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var limit = new Option<int>("--limit") { Description = "how many (default 20)", DefaultValueFactory = _ => 20 };
        var csv = CsvFile();
        var command = new Command("top", "the best customers by spend over the last 12 months") { limit, csv };
        bind(command, (ctx, p) =>
        {
            using var source = ReportSource.Open(ctx, p);
            var top = source.Get<TopCustomers>().Run(p.GetValue(limit));
            if (p.GetValue(csv) is { } path)
            {
                WriteCsv(path, ["rank", "customer_id", "name", "visits", "spend", "last_visit"], top.Select(t => new[]
                {
                    Num(t.Rank), Num(t.Id.Value), t.Name, Num(t.Visits), Money(t.Spend), t.LastVisitAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                }));
            }

            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, top.Select(t => new { rank = t.Rank, customerId = t.Id.Value, name = t.Name, visits = t.Visits, spend = t.Spend, lastVisitAt = t.LastVisitAt }));
                return ExitCodes.Ok;
            }

            Console(ctx).Write(TopCustomersView.Build(top, ctx.Rules.ShopCurrency.Value));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command LiabilityCommand(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var command = new Command("liability", "what the scheme owes: outstanding points and live coupons, as money");
        bind(command, (ctx, p) =>
        {
            using var source = ReportSource.Open(ctx, p);
            var l = source.Get<LiabilityReport>().Run();
            return JsonOutput.Done(
                ctx,
                new
                {
                    currency = l.Currency,
                    outstandingPoints = l.OutstandingPoints,
                    valuePerPoint = l.ValuePerPoint,
                    pointsValue = l.PointsValue,
                    liveCoupons = l.LiveCoupons,
                    couponsValue = l.CouponsValue,
                    liveCouponsWithoutValue = l.LiveCouponsWithoutValue,
                    total = l.Total,
                },
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"points: {l.OutstandingPoints} outstanding x {(l.ValuePerPoint is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "0 (no PointsConversion in the rules)")} = {l.PointsValue:0.00} {l.Currency}\ncoupons: {l.LiveCoupons} live, {l.CouponsValue:0.00} {l.Currency} face value ({l.LiveCouponsWithoutValue} without a money value, e.g. a free coffee)\ntotal: {l.Total:0.00} {l.Currency}"));
        });
        return command;
    }

    private static Command Visits(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var months = new Option<int>("--months") { Description = "months of history (default 12)", DefaultValueFactory = _ => 12 };
        var csv = CsvFile();
        var command = new Command("visits", "sales by the till's local weekday and hour, to find quiet times for campaigns") { months, csv };
        bind(command, (ctx, p) =>
        {
            using var source = ReportSource.Open(ctx, p);
            var v = source.Get<VisitPatterns>().Run(p.GetValue(months));
            var days = VisitsReportView.Week;
            if (p.GetValue(csv) is { } path)
            {
                WriteCsv(path, ["weekday", "hour", "sales"], days.SelectMany(d => Enumerable.Range(0, 24).Select(h => new[] { d.ToString(), Num(h), Num(v.Counts[(int)d, h]) })));
            }

            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, new
                {
                    from = v.From,
                    to = v.To,
                    total = v.Total,
                    byWeekday = days.Select(d => new { weekday = d.ToString(), sales = v.OnDay(d), byHour = Enumerable.Range(0, 24).Select(h => v.Counts[(int)d, h]) }),
                    byHour = Enumerable.Range(0, 24).Select(h => new { hour = h, sales = v.AtHour(h) }),
                });
                return ExitCodes.Ok;
            }

            Console(ctx).Write(VisitsReportView.Build(v));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Spectre on the command's own output, so tests and pipes get plain text and a terminal gets colour.</summary>
    private static IAnsiConsole Console(CliContext ctx) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(ctx.Output),
            Ansi = System.Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = System.Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });

    private static void WriteCsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
        {
            throw new CliException($"--csv '{path}': directory '{dir}' does not exist");
        }

        using var writer = CsvWriter.Create(new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false)), CsvWriterOptions.Default, leaveOpen: false);
        writer.WriteHeader(header);
        foreach (var row in rows)
        {
            writer.WriteRecord(row);
        }
    }
}
