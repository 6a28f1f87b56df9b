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

    public static string Fraction(StampCardProgress card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return string.Create(CultureInfo.InvariantCulture, $"{card.Count}/{card.Target}");
    }

    /// <summary>"3 more for a free coffee", or "ready: a free coffee" when the card is full.</summary>
    public static string ToGo(StampCardProgress card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Remaining == 0
            ? $"ready: {card.Reward}"
            : string.Create(CultureInfo.InvariantCulture, $"{card.Remaining} more for {card.Reward}");
    }
}
