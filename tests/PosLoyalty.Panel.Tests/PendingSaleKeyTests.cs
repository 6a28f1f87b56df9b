using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

[Collection(TerminalGuiCollection.Name)]
public sealed class PendingSaleKeyTests
{
    [Fact]
    public void Y_credits_the_newest_waiting_sale_by_its_id()
    {
        using var keys = new HeadlessPanel().Apply(new PendingSalesEvent([Sample.PendingForNobody, Sample.PendingForAnna])).Type("y");

        Assert.Equal(new ConfirmPendingCommand(Sample.PendingForAnna.Id), Assert.Single(keys.Commands));
        Assert.Equal("Crediting receipt 8001…", keys.State.Message?.Text);
    }

    [Fact]
    public void D_drops_the_newest_waiting_sale_by_its_id()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Apply(new PendingSalesEvent([Sample.PendingForAnna])).Type("D");

        Assert.Equal(new DropPendingCommand(Sample.PendingForAnna.Id), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Y_with_nothing_waiting_says_so_and_sends_nothing()
    {
        using var keys = new HeadlessPanel().Type("Y");

        Assert.Empty(keys.Commands);
        Assert.True(keys.State.Message?.IsError);
    }

    [Fact]
    public void A_new_list_of_waiting_sales_replaces_the_old_one()
    {
        using var keys = new HeadlessPanel()
            .Apply(new PendingSalesEvent([Sample.PendingForNobody, Sample.PendingForAnna]))
            .Apply(new PendingSalesEvent([Sample.PendingForNobody]));

        Assert.Equal([Sample.PendingForNobody], keys.State.Pending);
    }

    [Fact]
    public void Typing_y_or_d_in_a_form_is_text_not_a_decision()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Apply(new PendingSalesEvent([Sample.PendingForAnna])).Type("N").Type("Dry day");

        Assert.Empty(keys.Commands);
        Assert.NotNull(keys.State.Form);
        Assert.Contains("Dry day", keys.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_sales_and_the_decisions_round_trip_the_wire()
    {
        var sent = new PendingSalesEvent([Sample.PendingForAnna]);
        var back = Assert.IsType<PendingSalesEvent>(PanelJson.DeserializeEvent(PanelJson.SerializeEvent(sent)));
        Assert.Equal(sent.Sales, back.Sales);
        Assert.Equal(new ConfirmPendingCommand(7), PanelJson.DeserializeCommand("""{"type":"confirmPending","pendingId":7}"""));
        Assert.Equal(new DropPendingCommand(7), PanelJson.DeserializeCommand("""{"pendingId":7,"type":"dropPending"}"""));
    }
}
