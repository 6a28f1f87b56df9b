using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The screen facing the customer, centred. It is given only a <see cref="CustomerFacingModel"/> (or nothing: a
/// welcome), so notes, alerts and card numbers cannot reach it; it takes no key but Q.
/// </summary>
internal sealed class CustomerViewWindow : Window
{
    private readonly LinesView _lines = new();

    public CustomerViewWindow(Action quit)
    {
        ArgumentNullException.ThrowIfNull(quit);
        BorderStyle = LineStyle.None;
        Width = Dim.Fill();
        Height = Dim.Fill();
        Add(_lines);
        KeyDown += (_, key) =>
        {
            key.Handled = true; // nothing typed here may reach the service
            if (key.AsRune.Value is 'q' or 'Q')
            {
                quit();
            }
        };
    }

    public void Show(PanelState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var lines = state.Screen == ScreenKind.Customer && state.Customer is { } customer
            ? CustomerViewText.Greeting(CustomerFacingModel.From(customer))
            : CustomerViewText.Welcome();
        _lines.Show(width =>
        {
            var top = Math.Max(0, (Viewport.Height - lines.Count) / 2);
            return [.. Enumerable.Repeat(string.Empty, top), .. lines.Select(l => TextFit.Centre(l, width))];
        });
    }
}
