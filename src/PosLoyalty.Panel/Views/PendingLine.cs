using System.Globalization;
using PosLoyalty.Panel.Model;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>One line for the newest sale waiting for the cashier, and the keys that credit or drop it.</summary>
public static class PendingLine
{
    public static IRenderable Render(IReadOnlyList<PendingSaleModel> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count == 0)
        {
            return Ink.Blank();
        }

        var newest = pending[^1];
        var who = newest.CustomerName ?? "no customer";
        var more = pending.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{pending.Count - 1} more)") : string.Empty;
        // The keys first: on a narrow terminal the reason is what gets cut, never how to act.
        return Ink.OneLine(
            (" ? ", Ink.Warn),
            (" Y ", Ink.Key),
            (" credit ", Ink.Plain),
            (" D ", Ink.Key),
            (" drop  ", Ink.Plain),
            (string.Create(CultureInfo.InvariantCulture, $"waiting: {newest.Total:0.00} receipt {newest.ReceiptNumber} for "), Ink.Plain),
            (who, Ink.Bold),
            (" — " + newest.Reason + more, Ink.Dim));
    }
}
