using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Text;
using Terminal.Gui.ViewBase;

namespace PosLoyalty.Panel.Views;

/// <summary>Between customers: clock, devices, today's figures.</summary>
internal sealed class IdleView : View
{
    private readonly LinesView _lines = new() { X = 1, Width = Dim.Fill(1) };

    public IdleView()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        Add(_lines);
    }

    public void Show(IdleModel model) => _lines.Show(width =>
        [IdleText.Clock(model), string.Empty, .. IdleText.Devices(model, width), string.Empty, IdleText.Today(model), TextFit.Cut(IdleText.Waiting, width)]);
}
