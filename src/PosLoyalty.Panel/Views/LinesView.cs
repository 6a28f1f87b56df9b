using System.Drawing;
using Terminal.Gui.ViewBase;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// Draws the lines a pure text function gives for the view's current size, so a resize reflows them. Lines past
/// the bottom are not drawn; the text functions put what matters first. <see cref="Show"/> marks the view for a draw
/// only when the lines at the current size differ from those on screen: every event renders the whole state, and a
/// view that redraws what it already shows makes Terminal.Gui draw and write it to the terminal again.
/// </summary>
internal sealed class LinesView : View
{
    private Func<int, IReadOnlyList<string>> _lines = _ => [];
    private IReadOnlyList<string> _laidOut = [];
    private Size _laidOutFor = Size.Empty;

    public LinesView()
    {
        CanFocus = false;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    public void Show(Func<int, IReadOnlyList<string>> lines)
    {
        _lines = lines;
        var size = Viewport.Size;
        if (size.Width <= 0 || size.Height <= 0)
        {
            SetNeedsDraw(); // not laid out yet: the first draw lays the lines out
            return;
        }

        var next = lines(size.Width);
        if (size == _laidOutFor && next.SequenceEqual(_laidOut, StringComparer.Ordinal))
        {
            return;
        }

        _laidOut = next;
        _laidOutFor = size;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var size = Viewport.Size;
        if (size != _laidOutFor)
        {
            _laidOut = _lines(size.Width);
            _laidOutFor = size;
        }

        var width = size.Width;
        for (var row = 0; row < Math.Min(_laidOut.Count, size.Height); row++)
        {
            var line = _laidOut[row];
            AddStr(0, row, line.Length > width ? line[..width] : line);
        }

        return true;
    }
}
