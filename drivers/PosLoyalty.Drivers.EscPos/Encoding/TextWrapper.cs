using System.Text;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>Greedy word wrap to a fixed number of characters per line.</summary>
internal static class TextWrapper
{
    private const string Ellipsis = "...";

    /// <summary>
    /// Lines of at most <paramref name="width"/> characters; words longer than a line are split.
    /// When more than <paramref name="maxLines"/> lines would be needed, the last kept line ends in "...".
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, Ellipsis.Length + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);

        var lines = new List<string>();
        var line = new StringBuilder(width);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word.AsSpan();
            while (rest.Length > 0)
            {
                var needed = line.Length == 0 ? rest.Length : line.Length + 1 + rest.Length;
                if (needed <= width)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(rest);
                    rest = [];
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..width].ToString());
                    rest = rest[width..];
                }
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        if (lines.Count <= maxLines)
        {
            return lines;
        }

        var last = lines[maxLines - 1];
        if (last.Length + Ellipsis.Length > width)
        {
            last = last[..(width - Ellipsis.Length)].TrimEnd();
        }

        lines.RemoveRange(maxLines - 1, lines.Count - maxLines + 1);
        lines.Add(last + Ellipsis);
        return lines;
    }
}
