using System.Globalization;
using Microsoft.Extensions.Hosting;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// `posloyalty demo`'s simulated till: every few seconds a card is scanned and a receipt completes through the
/// same <see cref="TillSession"/> the scanner and the receipt tap use; now and then an unknown card, and a coupon
/// scanned at the counter. It waits while the cashier types in a form, so the panel's keys stay usable.
/// </summary>
public sealed class DemoTillService(TillSession session, CouponRepository coupons, LoyaltyRules rules, DemoCustomers demo, PanelActivity activity, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan FirstScan = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(3.5);
    private static readonly TimeSpan QuietAfterKey = TimeSpan.FromSeconds(15);

    private static readonly (string Description, decimal Price)[][] Baskets =
    [
        [("Latte", 3.20m), ("Almond croissant", 2.40m)],
        [("Flat white", 3.40m)],
        [("Espresso", 1.60m), ("Sourdough loaf", 4.50m)],
        [("Cappuccino", 3.00m), ("Banana bread", 2.80m)],
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var receipt = 5000;
        try
        {
            await Task.Delay(FirstScan, time, stoppingToken);
            for (var round = 0; !stoppingToken.IsCancellationRequested; round++)
            {
                foreach (var card in demo.Cards)
                {
                    await WaitForCashierAsync(stoppingToken);
                    var scanned = session.HandleScan(card);
                    await Task.Delay(Pause, time, stoppingToken);
                    await WaitForCashierAsync(stoppingToken);
                    if (scanned is CustomerIdentified identified)
                    {
                        var basket = Baskets[(round + receipt) % Baskets.Length];
                        session.HandleReceipt(Receipt(basket, receipt++), SaleRecording.Receipt(null, printCoupons: false));
                        await Task.Delay(Pause, time, stoppingToken);
                        await RedeemOneAsync(identified, stoppingToken);
                    }
                    else
                    {
                        session.Clear("demo: the customer left without enrolling");
                    }

                    await Task.Delay(Pause, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the demo is over
        }
    }

    /// <summary>Some customers hand over a coupon: it is scanned like a card and redeemed once.</summary>
    private async Task RedeemOneAsync(CustomerIdentified identified, CancellationToken stoppingToken)
    {
        var ready = coupons.List(identified.Profile.Customer.Id).FirstOrDefault(c => c.Status == CouponStatus.Active);
        if (ready is null)
        {
            return;
        }

        await WaitForCashierAsync(stoppingToken);
        session.HandleScan(ready.Code.Value);
        await Task.Delay(Pause, time, stoppingToken);
    }

    private TillReceipt Receipt((string Description, decimal Price)[] basket, int number)
    {
        var currency = rules.ShopCurrency;
        var items = basket.Select(b => new SaleItem(null, b.Description, 1m, new Money(b.Price, currency))).ToList();
        var sale = Sale.Create(session.TillId, number.ToString(CultureInfo.InvariantCulture), new Money(basket.Sum(b => b.Price), currency), time.GetLocalNow(), items);
        return new TillReceipt(TillReceiptKind.Sale, sale, Copy: false, ReceiptCurrency: null);
    }

    private async Task WaitForCashierAsync(CancellationToken stoppingToken)
    {
        while (activity.FormOpen || time.GetUtcNow() - activity.LastKeyAt < QuietAfterKey)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken);
        }
    }
}
