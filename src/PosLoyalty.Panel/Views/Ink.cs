using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// Styles and small builders shared by the views. Text that came from a person (names, notes) goes
/// through <see cref="Paragraph"/>, never Markup, so "[" or ":coffee:" in a note prints as typed.
/// </summary>
internal static class Ink
{
    public static readonly Style Plain = Style.Plain;
    public static readonly Style Bold = new(decoration: Decoration.Bold);
    public static readonly Style Dim = new(decoration: Decoration.Dim);
    public static readonly Style Heading = new(Color.Aqua, decoration: Decoration.Bold);
    public static readonly Style Good = new(Color.Green);
    public static readonly Style Warn = new(Color.Yellow);
    public static readonly Style Bad = new(Color.Red, decoration: Decoration.Bold);
    public static readonly Style Key = new(Color.Black, Color.Grey, Decoration.Bold);
    public static readonly Style Cursor = new(decoration: Decoration.Invert);

    public static Paragraph Line(params (string Text, Style Style)[] parts)
    {
        var paragraph = new Paragraph();
        foreach (var (text, style) in parts)
        {
            paragraph.Append(text, style);
        }

        return paragraph;
    }

    public static Paragraph Line(string text, Style? style = null) => new(text, style ?? Plain);

    /// <summary>One line that never wraps: long text ends in an ellipsis instead of pushing rows down.</summary>
    public static IRenderable OneLine(params (string Text, Style Style)[] parts) => new OneLine(parts);

    public static Paragraph Section(string title) => Line(title.ToUpperInvariant(), Heading);

    public static IRenderable Blank() => new Text(string.Empty);
}
