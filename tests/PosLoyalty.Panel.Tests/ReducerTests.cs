using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

public sealed class ReducerTests
{
    [Fact]
    public void Customer_identified_shows_the_card()
    {
        var state = PanelReducer.Apply(PanelState.Start(Sample.Idle), new CustomerIdentifiedEvent(Sample.Rossi));

        Assert.Equal(ScreenKind.Customer, state.Showing);
        Assert.Equal(42, state.Customer?.CustomerId);
    }

    [Fact]
    public void Unknown_card_replaces_the_customer()
    {
        var state = Reduced.OnRossi().Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard))).State;

        Assert.Equal(ScreenKind.UnknownCard, state.Showing);
        Assert.Null(state.Customer);
    }

    [Fact]
    public void Sale_completed_updates_the_card_and_says_what_was_earned()
    {
        var state = Reduced.OnRossi().Apply(new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Rossi with { Points = 1252 })).State;

        Assert.Equal(1252, state.Customer?.Points);
        Assert.Equal(new SaleOutcome(12, "a free coffee"), state.Customer?.LastSale);
        Assert.Equal("Sale recorded: +12 points · coupon printed: a free coffee", state.Message?.Text);
    }

    [Fact]
    public void Failed_redemption_is_an_error_on_the_message_line()
    {
        var state = Reduced.Start().Apply(new CouponRedeemedEvent("ZZZZ", false, Reason: "already used")).State;

        Assert.Equal(new StatusMessage("Coupon ZZZZ not redeemed: already used", true), state.Message);
    }

    [Fact]
    public void Device_status_replaces_the_device_by_name_and_adds_a_new_one()
    {
        var state = Reduced.Start()
            .Apply(new DeviceStatusEvent(new DeviceStatus("Printer", DeviceState.PaperOut)))
            .Apply(new DeviceStatusEvent(new DeviceStatus("Drawer", DeviceState.Ok))).State;

        Assert.Equal(DeviceState.PaperOut, state.Idle.Devices.Single(d => d.Name == "Printer").State);
        Assert.Equal(7, state.Idle.Devices.Count);
    }

    [Fact]
    public void Clock_tick_moves_the_idle_clock()
    {
        var later = Sample.Now.AddMinutes(1);

        Assert.Equal(later, Reduced.Start().Apply(new ClockTickEvent(later)).State.Idle.Now);
    }

    [Fact]
    public void Clock_tick_within_the_minute_on_screen_returns_the_same_state_so_nothing_redraws()
    {
        var start = Reduced.Start().State;

        Assert.Same(start, PanelReducer.Apply(start, new ClockTickEvent(Sample.Now.AddSeconds(59))));
        Assert.NotSame(start, PanelReducer.Apply(start, new ClockTickEvent(Sample.Now.AddSeconds(60))));
    }

    [Fact]
    public void Cleared_returns_to_idle()
    {
        var state = Reduced.OnRossi().Apply(new ClearedEvent()).State;

        Assert.Equal(ScreenKind.Idle, state.Showing);
        Assert.Null(state.Customer);
    }

    [Fact]
    public void Service_message_lands_on_the_message_line()
    {
        var state = Reduced.Start().Apply(new ServiceMessageEvent("wrong manager PIN", IsError: true)).State;

        Assert.Equal(new StatusMessage("wrong manager PIN", true), state.Message);
    }
}
