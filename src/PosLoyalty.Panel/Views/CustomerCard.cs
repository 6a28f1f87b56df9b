using BoxPanel = Spectre.Console.Panel;
using System.Globalization;
using PosLoyalty.Panel.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The cashier's view of the customer at the counter: the greeting first and biggest, then what
/// to talk about (left) and what they have earned (right). Alerts lead the right column because
/// an open complaint matters more than a points balance.
/// </summary>
public static class CustomerCard
{
    public static IRenderable Render(CustomerCardModel model, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layout);
        var greeting = new Layout("greeting", Greeting(model, layout)).Size(layout.IsTall ? 4 : 3);
        var left = new Layout("talk", new Padder(new Rows(TalkAbout(model, layout)), new Padding(1, 0, 1, 0)));
        var right = new Layout("earned", new Padder(new Rows(Earned(model, layout)), new Padding(1, 0, 1, 0)));
        return new Layout("customer").SplitRows(greeting, new Layout("body").SplitColumns(left, right));
    }

    /// <summary>
    /// FigletText needs about eight columns a letter, too wide for "Welcome back, Mr Rossi" at 80
    /// columns; a bold line in a heavy frame reads as the headline at any width. Who it is (name,
    /// card, number) shares the line, right-aligned, so the notes keep every row they can get.
    /// </summary>
    private static BoxPanel Greeting(CustomerCardModel model, PanelLayout layout)
    {
        var opening = model.LastVisit is null ? "Welcome, " : "Welcome back, ";
        var details = model.DisplayName
            + (model.CardLast4 is { } last4 ? "  ·  card " + CardMask.FromLast4(last4) : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $"  ·  #{model.CustomerId}");
        IRenderable content;
        if (layout.IsTall)
        {
            content = new Rows(Ink.OneLine((opening + model.Greeting, new Style(Color.Yellow, decoration: Decoration.Bold))), Ink.OneLine((details, Ink.Dim)));
        }
        else
        {
            // Right-align who it is on the greeting's line: frame and padding take four columns.
            var gap = Math.Max(3, layout.Width - 4 - (opening + model.Greeting).GetCellWidth() - details.GetCellWidth());
            content = Ink.OneLine(
                (opening + model.Greeting, new Style(Color.Yellow, decoration: Decoration.Bold)),
                (new string(' ', gap) + details, Ink.Dim));
        }

        return new BoxPanel(content)
        {
            Border = BoxBorder.Heavy,
            Expand = true,
            Padding = layout.IsTall ? new Padding(2, 0, 2, 0) : new Padding(1, 0, 1, 0),
        };
    }

    private static List<IRenderable> TalkAbout(CustomerCardModel model, PanelLayout layout)
    {
        var rows = new List<IRenderable>();
        var now = model.AsOf;
        if (model.PinnedNotes.Count > 0)
        {
            rows.Add(Ink.Section("Pinned"));
            var max = layout.IsTall ? 5 : 3;
            foreach (var note in model.PinnedNotes.Take(max))
            {
                rows.Add(Ink.Line(("▲ ", Ink.Warn), (note, Ink.Bold)));
            }

            AddLeftOut(rows, model.PinnedNotes.Count, max, "pinned note");
        }

        rows.Add(Ink.Section("Notes"));
        if (model.RecentNotes.Count == 0)
        {
            rows.Add(Ink.Line("No notes yet. N to add one.", Ink.Dim));
        }
        else
        {
            var max = layout.IsTall ? 5 : 2;
            foreach (var note in model.RecentNotes.Take(max))
            {
                rows.Add(Ink.Line((RelativeDate.Describe(note.WrittenAt, now), Ink.Dim), (" · ", Ink.Dim), (note.Text, Ink.Plain)));
            }

            AddLeftOut(rows, model.RecentNotes.Count, max, "older note");
        }

        Gap(rows, layout);
        if (model.UsuallyBuys.Count > 0)
        {
            rows.Add(Ink.Line(("Usually buys ", Ink.Heading), (string.Join(", ", model.UsuallyBuys.Take(layout.IsWide ? 5 : 3)), Ink.Plain)));
        }

        var visits = string.Create(CultureInfo.InvariantCulture, $"{model.Visits} {(model.Visits == 1 ? "visit" : "visits")}");
        rows.Add(model.LastVisit is { } last
            ? Ink.Line(("Last visit ", Ink.Heading), (RelativeDate.Describe(last, now), Ink.Plain), (" · " + visits, Ink.Plain))
            : Ink.Line(("First visit", Ink.Heading), (" · " + visits, Ink.Plain)));
        return rows;
    }

    /// <summary>
    /// What to act on first: alerts, then coupons that can be used now, then balances. On a
    /// 24-row terminal alerts keep to one line each and sections close up, so coupons stay on screen.
    /// </summary>
    private static List<IRenderable> Earned(CustomerCardModel model, PanelLayout layout)
    {
        var rows = new List<IRenderable>();
        if (model.Alerts.Count > 0)
        {
            rows.Add(Ink.Section("Alerts"));
            foreach (var alert in model.Alerts)
            {
                var (mark, style) = Mark(alert.Kind);
                rows.Add(layout.IsTall ? Ink.Line((mark + " ", style), (alert.Text, style)) : Ink.OneLine((mark + " ", style), (alert.Text, style)));
            }

            Gap(rows, layout);
        }

        rows.Add(Ink.Section("Coupons ready"));
        if (model.Coupons.Count == 0)
        {
            rows.Add(Ink.Line("none", Ink.Dim));
        }
        else
        {
            foreach (var coupon in model.Coupons)
            {
                rows.Add(Ink.Line(("✓ ", Ink.Good), (coupon.Reward, Ink.Bold), ("  " + coupon.Code, Ink.Plain)));
            }
        }

        Gap(rows, layout);
        rows.Add(Ink.Section("Points"));
        var standing = string.Create(CultureInfo.InvariantCulture, $"{model.Points:N0} points");
        rows.Add(model.Tier is { } tier
            ? Ink.Line((standing, Ink.Bold), (" · " + tier.Name, Ink.Plain))
            : Ink.Line(standing, Ink.Bold));
        if (model.Tier is { NextName: { } next, SpendToNext: { } toGo } t)
        {
            var toNext = string.Create(CultureInfo.InvariantCulture, $"{toGo:0.00} more to {next}");
            rows.Add(t.SpendSoFar is { } soFar && soFar + toGo > 0
                ? Ink.Line((ProgressBar((double)(soFar / (soFar + toGo)), 10) + " ", Ink.Good), (toNext, Ink.Plain))
                : Ink.Line(toNext, Ink.Plain));
        }

        if (model.StampCards.Count > 0)
        {
            Gap(rows, layout);
            rows.Add(Ink.Section("Stamps"));
            foreach (var card in model.StampCards)
            {
                rows.Add(Ink.OneLine(
                    (card.Name + " ", Ink.Plain),
                    (StampBoxes.Boxes(card), card.Remaining == 0 ? Ink.Good : Ink.Warn),
                    (" " + StampBoxes.Fraction(card), Ink.Bold)));
                rows.Add(Ink.Line("  " + StampBoxes.ToGo(card), Ink.Dim));
            }
        }

        if (model.LastSale is { } sale)
        {
            Gap(rows, layout);
            rows.Add(Ink.Line(
                ("This sale ", Ink.Heading),
                (string.Create(CultureInfo.InvariantCulture, $"+{sale.PointsEarned} points"), Ink.Good),
                (sale.CouponPrinted is { } reward ? " · coupon printed: " + reward : string.Empty, Ink.Good)));
        }

        return rows;
    }

    /// <summary>A blank line between sections where there is room for one.</summary>
    private static void Gap(List<IRenderable> rows, PanelLayout layout)
    {
        if (layout.IsTall)
        {
            rows.Add(Ink.Blank());
        }
    }

    internal static (string Mark, Style Style) Mark(AlertKind kind) => kind switch
    {
        AlertKind.Birthday or AlertKind.Anniversary => ("★", new Style(Color.Fuchsia, decoration: Decoration.Bold)),
        AlertKind.BackAfterAbsence => ("↺", new Style(Color.Aqua)),
        AlertKind.OpenComplaint => ("!", Ink.Bad),
        AlertKind.FollowUp => ("→", Ink.Warn),
        AlertKind.ReferralPending => ("+", new Style(Color.Blue)),
        AlertKind.PointsExpiring => ("◷", Ink.Warn),
        _ => ("•", Ink.Plain),
    };

    private static string ProgressBar(double fraction, int width)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width, MidpointRounding.ToZero);
        return new string('■', filled) + new string('□', width - filled);
    }

    private static void AddLeftOut(List<IRenderable> rows, int count, int shown, string what)
    {
        if (count > shown)
        {
            var left = count - shown;
            rows.Add(Ink.Line(string.Create(CultureInfo.InvariantCulture, $"+{left} {what}{(left == 1 ? string.Empty : "s")}"), Ink.Dim));
        }
    }
}
