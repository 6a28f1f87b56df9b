using System.Globalization;
using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Host.Cli;

/// <summary>A stamp card in the CLI's words: "■■■□□□□□□□ 3/10", or its debt ("owes 9 stamps"), never a negative count.</summary>
internal static class StampCardText
{
    public static string Boxes(StampCardView card) =>
        new string('■', Math.Clamp(card.Count, 0, card.Target)) + new string('□', Math.Max(0, card.Target - Math.Max(0, card.Count))) + " " + Progress(card);

    /// <summary>"3/10", or "owes 9 stamps" when two tills filled the same card while apart.</summary>
    public static string Progress(StampCardView card) => card.Owed > 0
        ? string.Create(CultureInfo.InvariantCulture, $"owes {card.Owed} {(card.Owed == 1 ? "stamp" : "stamps")}")
        : string.Create(CultureInfo.InvariantCulture, $"{card.Count}/{card.Target}");
}
