using System.Text;

namespace PosLoyalty.Panel.Text;

/// <summary>Fits text to a width in terminal columns: cut with "…", or wrapped at spaces to a number of lines.</summary>
public static class TextFit
{
    /// <summary>One line: what does not fit ends in "…"; line breaks become spaces.</summary>
    public static string Cut(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = text.ReplaceLineEndings(" ");
        if (width <= 0)
        {
            return string.Empty;
        }

        if (flat.Length <= width)
        {
            return flat;
        }

        return width == 1 ? "…" : string.Concat(flat.AsSpan(0, width - 1), "…");
    }

    /// <summary>Wrapped at spaces to at most <paramref name="maxLines"/> lines of <paramref name="width"/>; the last one cut with "…".</summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(indent);
        var lines = new List<string>();
        var line = new StringBuilder();
        var words = text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var room = width - (lines.Count == 0 ? 0 : indent.Length);
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                if (lines.Count == maxLines - 1)
                {
                    // The last line we may use: put the rest on it and cut.
                    lines.Add(Prefix(lines.Count, indent) + Cut(line + " " + string.Join(' ', words[i..]), room));
                    return lines;
                }

                lines.Add(Prefix(lines.Count, indent) + line);
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(Prefix(lines.Count, indent) + Cut(line.ToString(), width - (lines.Count == 0 ? 0 : indent.Length)));
        }

        return lines;
    }

    /// <summary><paramref name="left"/> and <paramref name="right"/> on one line, the right one against the edge.</summary>
    public static string Spread(string left, string right, int width)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var gap = width - left.Length - right.Length;
        return gap >= 3 ? left + new string(' ', gap) + right : Cut(left + "   " + right, width);
    }

    /// <summary>Centred in <paramref name="width"/> columns.</summary>
    public static string Centre(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = Cut(text, width);
        return new string(' ', Math.Max(0, (width - cut.Length) / 2)) + cut;
    }

    private static string Prefix(int lineIndex, string indent) => lineIndex == 0 ? string.Empty : indent;
}
