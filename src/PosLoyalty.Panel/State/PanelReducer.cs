using System.Collections.Immutable;
using System.Globalization;
using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.State;

/// <summary>Applies what the service says to the panel's state; pure, so every screen is testable.</summary>
public static class PanelReducer
{
    public static PanelState Apply(PanelState state, PanelEvent panelEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        return panelEvent switch
        {
            CustomerIdentifiedEvent e => Identified(state, e.Customer),
            UnknownCardEvent e => CardScanned(state, e.Card),
            SaleCompletedEvent e => SaleCompleted(state, e),
            CouponRedeemedEvent e => state with { Message = Redeemed(e) },
            DeviceStatusEvent e => state with { Idle = state.Idle with { Devices = Replace(state.Idle.Devices, e.Device) } },
            IdleUpdatedEvent e => state with { Idle = e.Idle },
            // The screens show the time to the minute and dates to the day: a tick within the same minute changes
            // nothing, and the same state back means the panel need not redraw (most of an idle panel's work).
            ClockTickEvent e when SameMinute(state.Idle.Now, e.Now) => state,
            ClockTickEvent e => state with { Idle = state.Idle with { Now = e.Now } },
            FindResultsEvent e when state.Find?.Query == e.Query => state with { Find = state.Find with { Matches = e.Matches }, Message = null },
            FindResultsEvent => state, // an answer to a search the cashier already left
            ServiceMessageEvent e => state with { Message = new StatusMessage(e.Text, e.IsError) },
            ClearedEvent => state.Cleared(),
            PendingSalesEvent e => state with { Pending = e.Sales },
            _ => state,
        };
    }

    /// <summary>
    /// A new customer replaces whatever was open: a half-typed note must not be saved against the
    /// person who just walked up, so the form closes and the message line says so.
    /// </summary>
    private static PanelState Identified(PanelState state, CustomerCardModel customer) => state with
    {
        Screen = ScreenKind.Customer,
        Customer = customer,
        UnknownCard = null,
        Form = null,
        FormErrors = ImmutableDictionary<string, string>.Empty,
        Find = null,
        Message = state.Form is null ? null : new StatusMessage("Form closed: a new card was scanned."),
    };

    private static PanelState CardScanned(PanelState state, UnknownCardModel card) => state with
    {
        Screen = ScreenKind.UnknownCard,
        Customer = null,
        UnknownCard = card,
        Form = null,
        FormErrors = ImmutableDictionary<string, string>.Empty,
        Find = null,
        Message = state.Form is null ? null : new StatusMessage("Form closed: a new card was scanned."),
    };

    private static PanelState SaleCompleted(PanelState state, SaleCompletedEvent e)
    {
        var text = e.Outcome.CouponPrinted is { } reward
            ? string.Create(CultureInfo.InvariantCulture, $"Sale recorded: +{e.Outcome.PointsEarned} points · coupon printed: {reward}")
            : string.Create(CultureInfo.InvariantCulture, $"Sale recorded: +{e.Outcome.PointsEarned} points");
        var next = state with { Message = new StatusMessage(text) };
        return e.Customer is null
            ? next
            : next with
            {
                Screen = ScreenKind.Customer,
                Customer = e.Customer with { LastSale = e.Outcome },
                UnknownCard = null,
            };
    }

    private static StatusMessage Redeemed(CouponRedeemedEvent e) =>
        e.Redeemed
            ? new StatusMessage($"Apply: {e.Reward ?? "reward"} (coupon {e.Code} redeemed)")
            : new StatusMessage($"Coupon {e.Code} not redeemed: {e.Reason ?? "unknown code"}", IsError: true);

    private static bool SameMinute(DateTimeOffset shown, DateTimeOffset now) =>
        shown.Offset == now.Offset && shown.Ticks / TimeSpan.TicksPerMinute == now.Ticks / TimeSpan.TicksPerMinute;

    private static IReadOnlyList<DeviceStatus> Replace(IReadOnlyList<DeviceStatus> devices, DeviceStatus device)
    {
        var list = devices.ToList();
        var index = list.FindIndex(d => string.Equals(d.Name, device.Name, StringComparison.Ordinal));
        if (index >= 0)
        {
            list[index] = device;
        }
        else
        {
            list.Add(device);
        }

        return list;
    }
}
