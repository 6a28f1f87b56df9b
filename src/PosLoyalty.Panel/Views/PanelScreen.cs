using PosLoyalty.Panel.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The whole cashier screen for one frame: the current view, the message line and the key bar.
/// The layout fills <see cref="PanelLayout.Height"/> rows, so it must be drawn on a console of that size
/// (the live loop builds the layout from the console's profile on every frame, which also handles resize).
/// </summary>
public static class PanelScreen
{
    public static IRenderable Render(PanelState state, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(layout);
        var keyLines = KeyBar.LineCount(state, layout);
        var pendingLines = state.Pending.Count > 0 ? 1 : 0; // a sale waiting for the cashier takes a line from the view
        var bodyLayout = layout with { Height = Math.Max(1, layout.Height - 1 - keyLines - pendingLines) };
        var rows = new List<Layout> { new("view", View(state, bodyLayout)) };
        if (pendingLines > 0)
        {
            rows.Add(new Layout("pending", PendingLine.Render(state.Pending)).Size(1));
        }

        rows.Add(new Layout("message", MessageLine.Render(state.Message, layout)).Size(1));
        rows.Add(new Layout("keys", KeyBar.Render(state, layout)).Size(keyLines));
        return new Layout("panel").SplitRows([.. rows]);
    }

    private static IRenderable View(PanelState state, PanelLayout layout) => state.Showing switch
    {
        ScreenKind.Form => FormView.Render(state.Form!, layout),
        ScreenKind.FindResults => FindResults.Render(state.Find!, state.Idle.Now, layout),
        ScreenKind.Customer when state.Customer is { } customer => CustomerCard.Render(customer, layout),
        ScreenKind.UnknownCard when state.UnknownCard is { } card => UnknownCard.Render(card, layout),
        _ => IdleScreen.Render(state.Idle, layout),
    };
}
