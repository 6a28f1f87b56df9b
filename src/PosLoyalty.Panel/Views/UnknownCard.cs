using BoxPanel = Spectre.Console.Panel;
using PosLoyalty.Panel.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>A card nobody owns yet: offer enrolment on the spot, the card already filled in.</summary>
public static class UnknownCard
{
    public static IRenderable Render(UnknownCardModel model, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layout);
        var rows = new Rows(
            Ink.Line(("New card ", new Style(Color.Yellow, decoration: Decoration.Bold)), (model.Masked, Ink.Bold)),
            Ink.Blank(),
            Ink.Line("Nobody is enrolled with this card yet."),
            Ink.Line(("E", Ink.Key), (" to enrol, card " + model.Masked, Ink.Bold)),
            Ink.Line("A name is enough; greeting, birthday, phone and email are optional.", Ink.Dim),
            Ink.Blank(),
            Ink.Line(("X", Ink.Key), (" to clear", Ink.Plain)));
        return new BoxPanel(rows)
        {
            Border = BoxBorder.Heavy,
            Expand = true,
            Padding = layout.IsTall ? new Padding(2, 1, 2, 1) : new Padding(1, 0, 1, 0),
        };
    }
}
