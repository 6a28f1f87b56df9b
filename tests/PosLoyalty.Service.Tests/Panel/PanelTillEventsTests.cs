using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Broadcast;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Panel;

/// <summary>
/// What one panel keys goes through the till, so the other panels and the pole display (both fed by the till's
/// events) hear of it: two panels attached over the real socket, one keys, the other and the till's hub receive.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PanelTillEventsTests
{
    private const string AnnaCard = "20000000042";
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    [Fact]
    public async Task A_coupon_keyed_at_one_panel_is_redeemed_through_the_till_and_the_other_panel_and_the_display_hear_of_it()
    {
        await using var server = await PanelServer.StartAsync();
        var anna = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi"));

        // 600.00 earns 600 points, past the shipped rules' 500-point conversion: one "5.00 off" coupon.
        var coupon = Assert.Single(server.Get<SaleRecorder>().Apply(anna, Sale.Create("till-1", "R1", new Money(600m, Eur), TimeProvider.System.GetUtcNow(), []), SaleRecording.Manual).CouponsIssued);
        using var till = server.Get<TillEventHub>().Subscribe();
        using var cashier = await server.ConnectAsync();
        using var second = await server.ConnectAsync();
        await cashier.WaitForAsync("idle");
        await second.WaitForAsync("idle");

        cashier.Send($$"""{"type":"redeem","code":"{{coupon.Code.ToDisplayString()}}"}""");

        foreach (var panel in new[] { second, cashier })
        {
            var redeemed = await panel.WaitForAsync("couponRedeemed");
            Assert.True(redeemed.GetProperty("redeemed").GetBoolean());
            Assert.Equal("5.00 off", redeemed.GetProperty("reward").GetString());
        }

        var published = await NextAsync<CouponRedeemedAtCounter>(till);
        Assert.Equal(coupon.Code, published.Coupon.Code);

        // A second try is the keying cashier's to read: refused, to that panel.
        cashier.Send($$"""{"type":"redeem","code":"{{coupon.Code.ToDisplayString()}}"}""");
        var again = await cashier.WaitForAsync("couponRedeemed");
        Assert.False(again.GetProperty("redeemed").GetBoolean());
        Assert.Contains("already redeemed", again.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_sale_keyed_at_one_panel_is_recorded_by_the_till_and_the_other_panel_and_the_display_hear_of_it()
    {
        await using var server = await PanelServer.StartAsync();
        var anna = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi"));
        using var till = server.Get<TillEventHub>().Subscribe();
        using var cashier = await server.ConnectAsync();
        using var second = await server.ConnectAsync();
        await cashier.WaitForAsync("idle");
        await second.WaitForAsync("idle");

        cashier.Send($$"""{"type":"manualSale","amount":8.40,"items":["Flat white"],"customerId":{{anna.Value}}}""");

        foreach (var panel in new[] { second, cashier })
        {
            var sale = await panel.WaitForAsync("saleCompleted");
            Assert.Equal(8, sale.GetProperty("outcome").GetProperty("pointsEarned").GetInt64());
            Assert.Equal(anna.Value, sale.GetProperty("customer").GetProperty("customerId").GetInt64());
        }

        var recorded = await NextAsync<SaleRecorded>(till);
        Assert.Equal(anna, recorded.Outcome.CustomerId);
        Assert.StartsWith("M-", recorded.Outcome.ReceiptNumber, StringComparison.Ordinal);
    }

    /// <summary>The next till event of type <typeparamref name="T"/>; a generous deadline only catches a hang.</summary>
    private static async Task<T> NextAsync<T>(BroadcastSubscription<TillEvent> events)
        where T : TillEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var tillEvent in events.Events.ReadAllAsync(timeout.Token))
        {
            if (tillEvent is T wanted)
            {
                return wanted;
            }
        }

        throw new InvalidOperationException($"the till's events ended before a {typeof(T).Name}");
    }
}
