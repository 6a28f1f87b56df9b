using System.Globalization;
using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Text;

/// <summary>A stamp card as boxes (■■■■■■■□□□) and in words, for both screens.</summary>
public static class StampBoxes
{
    /// <summary>Cards longer than this are scaled so one card never needs two lines.</summary>
    public const int MaxBoxes = 20;

    public static string Boxes(StampCardProgress card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var target = Math.Max(1, card.Target);
        var count = Math.Clamp(card.Count, 0, target);
        var boxes = Math.Min(target, MaxBoxes);
        var filled = target <= MaxBoxes ? count : (int)Math.Round(count * (double)MaxBoxes / target, MidpointRounding.ToZero);
        return new string('■', filled) + new string('□', boxes - filled);
    }

    /// <summary>"7/10", or the debt in words ("owes 9") when two tills filled the card while apart: never "-9/10".</summary>
    public static string Fraction(StampCardProgress card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Owed > 0
            ? string.Create(CultureInfo.InvariantCulture, $"owes {card.Owed}")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, card.Count)}/{card.Target}");
    }

    /// <summary>"3 more for a free coffee", "ready: a free coffee" when the card is full, or the debt first.</summary>
    public static string ToGo(StampCardProgress card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Owed > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Owed(card.Owed)} owed, then {card.Target} more for {card.Reward}");
        }

        return card.Remaining == 0
            ? $"ready: {card.Reward}"
            : string.Create(CultureInfo.InvariantCulture, $"{card.Remaining} more for {card.Reward}");
    }

    /// <summary>"1 stamp", "9 stamps".</summary>
    public static string Owed(int stamps) =>
        string.Create(CultureInfo.InvariantCulture, $"{stamps} {(stamps == 1 ? "stamp" : "stamps")}");
}
