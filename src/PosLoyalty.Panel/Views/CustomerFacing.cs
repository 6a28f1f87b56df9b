using BoxPanel = Spectre.Console.Panel;
using System.Globalization;
using PosLoyalty.Panel.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The screen that faces the customer: large, friendly and public. It takes only a
/// <see cref="CustomerFacingModel"/>, which has no field for anything private.
/// </summary>
public static class CustomerFacing
{
    public static IRenderable Render(CustomerFacingModel model, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layout);
        var rows = new List<IRenderable> { Big("Hi " + model.Greeting + "!", layout), Ink.Blank() };
        foreach (var card in model.StampCards)
        {
            rows.Add(Centered(
                (card.Name + "  ", Ink.Bold),
                (StampBoxes.Boxes(card), card.Remaining == 0 ? Ink.Good : Ink.Warn),
                ("  " + StampBoxes.Fraction(card), Ink.Bold)));
            rows.Add(Centered((card.Remaining == 0 ? Capitalised(card.Reward) + " is ready for you!" : StampBoxes.ToGo(card), Ink.Plain)));
            rows.Add(Ink.Blank());
        }

        var points = string.Create(CultureInfo.InvariantCulture, $"{model.Points:N0} points");
        rows.Add(model.PointsJustEarned is { } earned and > 0
            ? Centered((points, Ink.Bold), (string.Create(CultureInfo.InvariantCulture, $"  (+{earned} today)"), Ink.Good))
            : Centered((points, Ink.Bold)));
        if (model.RewardPrinted)
        {
            rows.Add(Ink.Blank());
            rows.Add(Centered(("★ Your reward is printed on your receipt ★", new Style(Color.Fuchsia, decoration: Decoration.Bold))));
        }

        return Frame(rows, layout);
    }

    /// <summary>Nobody at the counter, or a card we do not know: a welcome, never a card number.</summary>
    public static IRenderable Welcome(PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Frame(
        [
            Big("Welcome!", layout),
            Ink.Blank(),
            Centered(("Scan your loyalty card to collect stamps and points.", Ink.Bold)),
            Centered(("No card yet? Ask us, it takes a moment.", Ink.Plain)),
        ], layout);
    }

    /// <summary>
    /// Figlet when the line fits (about nine columns a letter in the default font), otherwise a bold
    /// line; a wrapped Figlet greeting would push the stamps off a 24-row screen.
    /// </summary>
    private static IRenderable Big(string text, PanelLayout layout) =>
        text.Length * 9 <= layout.Width - 4
            ? new FigletText(text) { Justification = Justify.Center, Color = Color.Yellow, Pad = false }
            : new BoxPanel(Centered((text, new Style(Color.Yellow, decoration: Decoration.Bold)))) { Border = BoxBorder.Heavy, Expand = true };

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Paragraph Centered(params (string Text, Style Style)[] parts)
    {
        var line = Ink.Line(parts);
        line.Justification = Justify.Center;
        return line;
    }

    /// <summary>
    /// Centred vertically by counting lines (every line here is one row, Figlet is the font's
    /// height); Align would centre horizontally on the narrowest measure and push Figlet off-centre.
    /// </summary>
    private static Padder Frame(List<IRenderable> rows, PanelLayout layout)
    {
        var lines = rows.Sum(r => r is FigletText ? FigletFont.Default.Height : r is BoxPanel ? 3 : 1);
        var top = Math.Max(0, (layout.Height - lines) / 2);
        return new Padder(new Rows(rows), new Padding(0, top, 0, 0));
    }
}
