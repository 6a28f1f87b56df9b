using PosLoyalty.Panel.Tests.Support;
using PosLoyalty.Panel.Views;
using Spectre.Console;

namespace PosLoyalty.Panel.Tests;

public sealed class ApprovedRenderingTests
{
    public static TheoryData<string, int, int> CashierStates() => Cases(Scenarios.Cashier.Keys);

    public static TheoryData<string, int, int> CustomerViewStates() => Cases(Scenarios.CustomerView.Keys);

    [Theory]
    [MemberData(nameof(CashierStates))]
    public void Cashier_screen_matches_approved_rendering(string scenario, int width, int height)
    {
        var layout = new PanelLayout(width, height);
        var text = Screen.Text(PanelScreen.Render(Scenarios.Cashier[scenario](), layout), layout);

        AssertFits(text, layout);
        Approvals.Verify($"{scenario}.{width}x{height}", text);
    }

    [Theory]
    [MemberData(nameof(CustomerViewStates))]
    public void Customer_view_matches_approved_rendering(string scenario, int width, int height)
    {
        var layout = new PanelLayout(width, height);
        var text = Screen.Text(CustomerViewScreen.Render(Scenarios.CustomerView[scenario](), layout), layout);

        AssertFits(text, layout);
        Approvals.Verify($"{scenario}.{width}x{height}", text);
    }

    /// <summary>A frame wider or taller than the terminal scrolls the live display and garbles it.</summary>
    private static void AssertFits(string text, PanelLayout layout)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length <= layout.Height, $"{lines.Length} lines on a {layout.Height}-line terminal");
        var widest = lines.Max(l => l.GetCellWidth());
        Assert.True(widest <= layout.Width, $"a line is {widest} cells on a {layout.Width}-column terminal");
    }

    private static TheoryData<string, int, int> Cases(IEnumerable<string> names)
    {
        var data = new TheoryData<string, int, int>();
        foreach (var name in names)
        {
            data.Add(name, 80, 24);
            data.Add(name, 120, 40);
        }

        return data;
    }
}
