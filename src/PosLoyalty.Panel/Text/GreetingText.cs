using System.Globalization;
using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Text;

/// <summary>
/// The cashier's view of the customer at the counter, as lines for a width: the greeting first, then what to talk
/// about (left) and what they have earned (right). Alerts lead the right column because an open complaint matters
/// more than a points balance. <paramref name="tall"/> (from 40 rows) gives notes and sections room to breathe.
/// </summary>
public static class GreetingText
{
    public static string Headline(CustomerCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (model.LastVisit is null ? "Welcome, " : "Welcome back, ") + model.Greeting;
    }

    /// <summary>Who it is: the full name, the card as its last four, the customer number.</summary>
    public static string Who(CustomerCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.DisplayName
            + (model.CardLast4 is { } last4 ? "  ·  card " + CardMask.FromLast4(last4) : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $"  ·  #{model.CustomerId}");
    }

    public static IReadOnlyList<string> TalkAbout(CustomerCardModel model, int width, bool tall)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<string>();
        var now = model.AsOf;
        if (model.PinnedNotes.Count > 0)
        {
            rows.Add("PINNED");
            var max = tall ? 5 : 3;
            foreach (var note in model.PinnedNotes.Take(max))
            {
                rows.AddRange(TextFit.Wrap("▲ " + note, width, tall ? 3 : 2, "  "));
            }

            LeftOut(rows, model.PinnedNotes.Count, max, "pinned note");
        }

        Gap(rows, tall);
        rows.Add("NOTES");
        if (model.RecentNotes.Count == 0)
        {
            rows.Add("No notes yet. N to add one.");
        }
        else
        {
            var max = tall ? 5 : 2;
            foreach (var note in model.RecentNotes.Take(max))
            {
                rows.AddRange(TextFit.Wrap(RelativeDate.Describe(note.WrittenAt, now) + " · " + note.Text, width, 2, "  "));
            }

            LeftOut(rows, model.RecentNotes.Count, max, "older note");
        }

        Gap(rows, tall);
        if (model.UsuallyBuys.Count > 0)
        {
            rows.AddRange(TextFit.Wrap("Usually buys " + string.Join(", ", model.UsuallyBuys.Take(tall ? 5 : 3)), width, 2, "  "));
        }

        var visits = string.Create(CultureInfo.InvariantCulture, $"{model.Visits} {(model.Visits == 1 ? "visit" : "visits")}");
        rows.Add(TextFit.Cut(model.LastVisit is { } last ? $"Last visit {RelativeDate.Describe(last, now)} · {visits}" : $"First visit · {visits}", width));
        return rows;
    }

    /// <summary>
    /// What to act on first: alerts, then coupons that can be used now, then balances. Alerts wrap when all of it
    /// still fits in <paramref name="maxRows"/>; otherwise each keeps to one line, so the coupons stay on screen.
    /// </summary>
    public static IReadOnlyList<string> Earned(CustomerCardModel model, int width, bool tall, int maxRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        var wrapped = Earned(model, width, tall, wrapAlerts: true);
        return wrapped.Count <= maxRows ? wrapped : Earned(model, width, tall, wrapAlerts: false);
    }

    private static List<string> Earned(CustomerCardModel model, int width, bool tall, bool wrapAlerts)
    {
        var rows = new List<string>();
        if (model.Alerts.Count > 0)
        {
            rows.Add("ALERTS");
            foreach (var alert in model.Alerts)
            {
                var text = AlertMark(alert.Kind) + " " + alert.Text;
                rows.AddRange(wrapAlerts ? TextFit.Wrap(text, width, 2, "  ") : [TextFit.Cut(text, width)]);
            }

            Gap(rows, tall);
        }

        rows.Add("COUPONS READY");
        rows.AddRange(model.Coupons.Count == 0 ? ["none"] : model.Coupons.SelectMany(c => TextFit.Wrap($"✓ {c.Reward}  {c.Code}", width, 2, "  ")));
        Gap(rows, tall);

        rows.Add("POINTS");
        var standing = string.Create(CultureInfo.InvariantCulture, $"{model.Points:N0} points");
        rows.Add(TextFit.Cut(model.Tier is { } tier ? $"{standing} · {tier.Name}" : standing, width));
        if (model.Tier is { NextName: { } next, SpendToNext: { } toGo } t)
        {
            var toNext = string.Create(CultureInfo.InvariantCulture, $"{toGo:0.00} more to {next}");
            rows.Add(TextFit.Cut(t.SpendSoFar is { } soFar && soFar + toGo > 0 ? ProgressBar((double)(soFar / (soFar + toGo)), 10) + " " + toNext : toNext, width));
        }

        if (model.StampCards.Count > 0)
        {
            Gap(rows, tall);
            rows.Add("STAMPS");
            foreach (var card in model.StampCards)
            {
                rows.Add(TextFit.Cut($"{card.Name} {StampBoxes.Boxes(card)} {StampBoxes.Fraction(card)}", width));
                rows.Add(TextFit.Cut("  " + StampBoxes.ToGo(card), width));
            }
        }

        if (model.LastSale is { } sale)
        {
            Gap(rows, tall);
            var printed = sale.CouponPrinted is { } reward ? " · coupon printed: " + reward : string.Empty;
            rows.AddRange(TextFit.Wrap(string.Create(CultureInfo.InvariantCulture, $"This sale +{sale.PointsEarned} points{printed}"), width, 2, "  "));
        }

        return rows;
    }

    public static string AlertMark(AlertKind kind) => kind switch
    {
        AlertKind.Birthday or AlertKind.Anniversary => "★",
        AlertKind.BackAfterAbsence => "↺",
        AlertKind.OpenComplaint => "!",
        AlertKind.FollowUp => "→",
        AlertKind.ReferralPending => "+",
        AlertKind.PointsExpiring => "◷",
        _ => "•",
    };

    private static string ProgressBar(double fraction, int width)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width, MidpointRounding.ToZero);
        return new string('■', filled) + new string('□', width - filled);
    }

    private static void Gap(List<string> rows, bool tall)
    {
        if (tall)
        {
            rows.Add(string.Empty);
        }
    }

    private static void LeftOut(List<string> rows, int count, int shown, string what)
    {
        if (count > shown)
        {
            var left = count - shown;
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"+{left} {what}{(left == 1 ? string.Empty : "s")}"));
        }
    }
}
