using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.Views;

/// <summary>The customer at the counter: a framed banner with the greeting, then two columns of what to know.</summary>
internal sealed class GreetingView : View
{
    // From this many rows the greeting gets the roomier layout (blank lines between sections, more notes).
    private const int TallRows = 30;

    private readonly FrameView _banner = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 3, BorderStyle = LineStyle.Heavy, CanFocus = false };
    private readonly LinesView _headline = new();
    private readonly LinesView _talk = new() { X = 1, Y = 3, Width = Dim.Percent(50) - 1 };
    private readonly LinesView _earned = new() { Y = 3 };

    public GreetingView()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        _earned.X = Pos.Percent(50) + 1;
        _earned.Width = Dim.Fill(1);
        _banner.Add(_headline);
        Add(_banner, _talk, _earned);
    }

    public void Show(CustomerCardModel model)
    {
        _headline.Show(width => [TextFit.Spread(" " + GreetingText.Headline(model), GreetingText.Who(model) + " ", width)]);
        _talk.Show(width => GreetingText.TalkAbout(model, width, Viewport.Height >= TallRows));
        _earned.Show(width => GreetingText.Earned(model, width, Viewport.Height >= TallRows, _earned.Viewport.Height));
    }
}
