using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

/// <summary>Every screen and form, headless on Terminal.Gui's virtual driver, against its approved text.</summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class ApprovedRenderingTests
{
    public static TheoryData<string, int, int> CashierStates() => Cases(Scenarios.Cashier.Keys);

    public static TheoryData<string, int, int> CustomerViewStates() => Cases(Scenarios.CustomerView.Keys);

    [Theory]
    [MemberData(nameof(CashierStates))]
    public void Cashier_screen_matches_approved_rendering(string scenario, int width, int height)
    {
        using var panel = new HeadlessPanel(width, height);
        Scenarios.Cashier[scenario](panel);

        Approvals.Verify($"{scenario}.{width}x{height}", panel.Screen());
    }

    [Theory]
    [MemberData(nameof(CustomerViewStates))]
    public void Customer_view_matches_approved_rendering(string scenario, int width, int height)
    {
        using var panel = new HeadlessPanel(width, height, customerView: true);
        Scenarios.CustomerView[scenario](panel);

        Approvals.Verify($"{scenario}.{width}x{height}", panel.Screen());
    }

    [Theory]
    [InlineData("customer-full")]
    [InlineData("customer-after-sale")]
    [InlineData("idle-devices")]
    [InlineData("unknown-card")]
    public void Nothing_on_the_main_screens_is_cut_off_at_80x24(string scenario)
    {
        using var panel = new HeadlessPanel(80, 24);
        Scenarios.Cashier[scenario](panel);

        Assert.DoesNotContain("…", panel.Screen(), StringComparison.Ordinal);
    }

    private static TheoryData<string, int, int> Cases(IEnumerable<string> names)
    {
        var data = new TheoryData<string, int, int>();
        foreach (var name in names)
        {
            data.Add(name, 80, 24);
            data.Add(name, 132, 43);
        }

        return data;
    }
}
