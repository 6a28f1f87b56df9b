using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.Views;

/// <summary>A card nobody owns yet: offers enrolment, the card shown masked.</summary>
internal sealed class UnknownCardView : FrameView
{
    private readonly LinesView _lines = new() { X = 1, Width = Dim.Fill(1) };

    public UnknownCardView()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        BorderStyle = LineStyle.Heavy;
        CanFocus = false;
        Add(_lines);
    }

    public void Show(UnknownCardModel model) => _lines.Show(width => ScreenText.UnknownCard(model).Select(l => TextFit.Cut(l, width)).ToList());
}
