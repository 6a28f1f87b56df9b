using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// Styled text that never wraps: what does not fit ends in "…". A Paragraph wraps at word breaks
/// whatever its Overflow says, which on a 24-row terminal pushes the coupons off the bottom.
/// </summary>
internal sealed class OneLine : Renderable
{
    private readonly List<Segment> segments;

    public OneLine(IEnumerable<(string Text, Style Style)> parts)
    {
        segments = parts
            .Where(p => p.Text.Length > 0)
            .Select(p => new Segment(p.Text.ReplaceLineEndings(" "), p.Style))
            .ToList();
    }

    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var width = Math.Min(Segment.CellCount(segments), maxWidth);
        return new Measurement(Math.Min(width, 1), width);
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        if (Segment.CellCount(segments) <= maxWidth)
        {
            return segments;
        }

        if (maxWidth < 2)
        {
            return [new Segment("…")];
        }

        // Keep whole segments while they fit, then as many characters of the next as fit.
        var cut = new List<Segment>();
        var room = maxWidth - 1;
        foreach (var segment in segments)
        {
            var width = segment.CellCount();
            if (width <= room)
            {
                cut.Add(segment);
                room -= width;
                continue;
            }

            var text = new System.Text.StringBuilder();
            foreach (var c in segment.Text)
            {
                var w = c.GetCellWidth();
                if (w > room)
                {
                    break;
                }

                text.Append(c);
                room -= w;
            }

            cut.Add(new Segment(text.ToString(), segment.Style));
            break;
        }

        cut.Add(new Segment("…", segments[^1].Style));
        return cut;
    }
}
