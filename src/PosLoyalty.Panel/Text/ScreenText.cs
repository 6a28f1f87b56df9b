using System.Globalization;
using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Text;

/// <summary>The smaller texts of the cashier's screen: an unknown card, a waiting sale, a search result.</summary>
public static class ScreenText
{
    public static IReadOnlyList<string> UnknownCard(UnknownCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return
        [
            "New card " + model.Masked,
            string.Empty,
            "Nobody is enrolled with this card yet.",
            "E to enrol, card " + model.Masked,
            "A name is enough; greeting, birthday, phone and email are optional.",
            string.Empty,
            "X to clear",
        ];
    }

    /// <summary>The newest sale waiting for the cashier; the keys first, so a narrow terminal cuts the reason, never how to act.</summary>
    public static string Pending(IReadOnlyList<PendingSaleModel> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count == 0)
        {
            return string.Empty;
        }

        var newest = pending[^1];
        var more = pending.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{pending.Count - 1} more)") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"? Y credit  D drop  waiting: {newest.Total:0.00} receipt {newest.ReceiptNumber} for {newest.CustomerName ?? "no customer"} — {newest.Reason}{more}");
    }

    public static string Match(CustomerMatch match, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(match);
        var card = match.CardLast4 is null ? "—" : CardMask.FromLast4(match.CardLast4);
        var last = match.LastVisit is { } visit ? RelativeDate.Describe(visit, now) : "never";
        return $"{TextFit.Cut(match.DisplayName, 24),-24}  {card,-9}  {last}";
    }
}
