using Terminal.Gui.ViewBase;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// Draws the lines a pure text function gives for the view's current width, so a resize reflows them. Lines past
/// the bottom are not drawn; the text functions put what matters first.
/// </summary>
internal sealed class LinesView : View
{
    private Func<int, IReadOnlyList<string>> _lines = _ => [];

    public LinesView()
    {
        CanFocus = false;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    public void Show(Func<int, IReadOnlyList<string>> lines)
    {
        _lines = lines;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var lines = _lines(width);
        for (var row = 0; row < Math.Min(lines.Count, Viewport.Height); row++)
        {
            var line = lines[row];
            AddStr(0, row, line.Length > width ? line[..width] : line);
        }

        return true;
    }
}
