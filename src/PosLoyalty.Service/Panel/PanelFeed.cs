using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Values;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Service.Broadcast;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Panel;

/// <summary>
/// Turns till events into panel events once, whatever the number of panels, and fans them out; sends a
/// clock tick when the minute turns. Each panel has its own bounded queue that drops its oldest events when the
/// panel is slow, and this feed has its own hub subscription: no panel can hold up the till or another panel.
/// </summary>
public sealed class PanelFeed(TillEventHub hub, TillSession session, CustomerRepository customers, PanelCards cards, TimeProvider time, ILogger<PanelFeed> logger) : BackgroundService
{
    private const int EventsPerPanel = 256;

    private readonly BroadcastHub<PanelEvent> _panels = new(EventsPerPanel);

    /// <summary>
    /// A new panel: first the idle screen and the customer at the counter (if any), then every event. The
    /// snapshot is taken under the same lock as publishing, so nothing falls between the two.
    /// </summary>
    public BroadcastSubscription<PanelEvent> Subscribe() => _panels.Subscribe(Snapshot);

    /// <summary>Sends one event to every panel attached now.</summary>
    public void Publish(PanelEvent panelEvent) => _panels.Publish(panelEvent);

    /// <summary>What a panel needs to draw the till as it is now.</summary>
    public IReadOnlyList<PanelEvent> Snapshot()
    {
        var events = new List<PanelEvent> { new IdleUpdatedEvent(cards.Idle()), Pending() };
        if (session.ActiveCustomer is { } active)
        {
            try
            {
                events.Add(new CustomerIdentifiedEvent(cards.Card(active)));
            }
            catch (NotFoundException)
            {
                // Erased while at the counter: the idle screen is the honest answer.
            }
        }

        return events;
    }

    /// <summary>
    /// Builds and serialises one customer's card, read-only, so the first real scan finds the profile queries, the
    /// card mapping and the JSON contract compiled (≈ 150 ms of JIT otherwise, against a 100 ms greeting target).
    /// </summary>
    private void WarmUp()
    {
        try
        {
            _ = PanelJson.SerializeEvent(new IdleUpdatedEvent(cards.Idle()));
            session.WarmUp();
            if (customers.AnyCustomer() is { } id)
            {
                _ = PanelJson.SerializeEvent(new CustomerIdentifiedEvent(cards.Card(id)));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a head start: the first scan compiles whatever is left.
            logger.PanelWarmUpFailed(ex);
        }
    }

    /// <summary>The panel events one till event becomes; empty for those the panel does not show.</summary>
    public IReadOnlyList<PanelEvent> Map(TillEvent tillEvent) => tillEvent switch
    {
        CustomerIdentified e when e.LateClaim is { } late => LateClaim(e.Profile.Customer.Id, late),
        // The card is read afresh (profile and facts in one snapshot) rather than built on the event's profile, which
        // was read in another transaction than the facts would be.
        CustomerIdentified e => [new CustomerIdentifiedEvent(cards.Card(e.Profile.Customer.Id))],
        UnknownCardScanned e => [new UnknownCardEvent(new PosLoyalty.Panel.Model.UnknownCardModel(e.Card.Value))],
        ScanRefused e => [new ServiceMessageEvent(e.Reason, IsError: true)],
        CouponRedeemedAtCounter e => [new CouponRedeemedEvent(e.Coupon.Code.ToDisplayString(), Redeemed: true, e.Coupon.Reward)],
        SaleRecorded e => [SaleCompleted(e), new IdleUpdatedEvent(cards.Idle())],
        UnclaimedSaleRecorded e =>
        [
            new ServiceMessageEvent(string.Create(CultureInfo.InvariantCulture, $"Receipt {e.ReceiptNumber} ({e.Total:0.00}) kept for a late scan: nobody was at the counter")),
            new IdleUpdatedEvent(cards.Idle()),
        ],
        ReceiptIgnored e => [new ServiceMessageEvent($"Receipt {e.ReceiptNumber} earns nothing: {e.Reason}")],
        RefundRecorded e =>
        [
            new ServiceMessageEvent(string.Create(CultureInfo.InvariantCulture, $"Receipt {e.Outcome.ReceiptNumber} reversed: {e.Outcome.PointsChange.Value:+#;-#;0} points")),
            new IdleUpdatedEvent(cards.Idle()),
        ],
        SalePending e =>
        [
            Pending(),
            new ServiceMessageEvent(string.Create(CultureInfo.InvariantCulture, $"Receipt {e.Sale.ReceiptNumber} ({e.Sale.Total.Amount:0.00}) waits for you: {e.Sale.Reason} — Y credits it, D drops it")),
        ],
        PendingSaleDecided => [Pending(), new IdleUpdatedEvent(cards.Idle())],
        CustomerCleared => [new ClearedEvent()],
        DeviceStatusChanged e when PanelCards.Device(e.Status) is { } device => [new DeviceStatusEvent(device)],
        _ => [],
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var till = hub.Subscribe();
        var clock = ClockAsync(stoppingToken);
        _ = Task.Run(WarmUp, stoppingToken);
        try
        {
            await foreach (var tillEvent in till.Events.ReadAllAsync(stoppingToken))
            {
                try
                {
                    foreach (var panelEvent in Map(tillEvent))
                    {
                        Publish(panelEvent);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.PanelMappingFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        await clock;
        _panels.CompleteAll();
    }

    /// <summary>A late scan claimed a sale: the greeting and the sale it completed, from one read of the card.</summary>
    private List<PanelEvent> LateClaim(CustomerId customer, SaleOutcome late)
    {
        var sale = PanelCards.Sale(late);
        var card = cards.Card(customer, sale);
        return
        [
            new CustomerIdentifiedEvent(card with { LastSale = null }),
            new SaleCompletedEvent(sale, card, late.ReceiptNumber),
            new IdleUpdatedEvent(cards.Idle()),
        ];
    }

    private PendingSalesEvent Pending() =>
        new(session.PendingSales().Select(p => new PosLoyalty.Panel.Model.PendingSaleModel(p.Id, p.ReceiptNumber, p.Total.Amount, p.At, p.CustomerName, p.Reason)).ToList());

    private SaleCompletedEvent SaleCompleted(SaleRecorded e)
    {
        var outcome = PanelCards.Sale(e.Outcome);
        try
        {
            return new SaleCompletedEvent(outcome, cards.Card(e.Outcome.CustomerId, outcome), e.Outcome.ReceiptNumber);
        }
        catch (NotFoundException)
        {
            return new SaleCompletedEvent(outcome, null, e.Outcome.ReceiptNumber);
        }
    }

    /// <summary>
    /// The panels show the time to the minute (HH:mm): one tick just after each minute turns, not one a second, so an
    /// idle till does not wake sixty times a minute to redraw the same clock.
    /// </summary>
    private async Task ClockAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var now = time.GetLocalNow();
                var intoMinute = TimeSpan.FromTicks(now.TimeOfDay.Ticks % TimeSpan.TicksPerMinute);
                await Task.Delay(TimeSpan.FromMinutes(1) - intoMinute, time, stoppingToken);
                Publish(new ClockTickEvent(time.GetLocalNow()));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
