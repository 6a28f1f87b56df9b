using System.Globalization;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The demo's regulars, with a history that makes every part of the card show: pinned notes, a birthday this
/// week, an open complaint, someone back after months away, stamps nearly full, and a card nobody holds yet.
/// </summary>
public sealed class DemoCustomers(CustomerRepository customers, SaleRecorder sales, LoyaltyRules rules, TimeProvider time)
{
    public const string AnnaCard = "2000-0000-0042";
    public const string MarcoCard = "2000-0000-0117";
    public const string LiCard = "2000-0000-0208";
    public const string UnknownCard = "2000-0000-0999";

    public IReadOnlyList<string> Cards { get; } = [AnnaCard, UnknownCard, MarcoCard, LiCard];

    /// <summary>Enrols the regulars and records their past visits, on a fresh database.</summary>
    public void Seed()
    {
        var now = time.GetLocalNow();
        var soon = DateOnly.FromDateTime(now.DateTime).AddDays(2);

        var anna = customers.Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi", "Mrs Rossi", MonthDay.Create(soon.Month, soon.Day), Phone: "+39 055 123 4567", MarketingConsent: true));
        customers.AddNote(anna, "Ask how her daughter's graduation went", pinned: true);
        customers.AddNote(anna, "Prefers the window table", pinned: false);
        Visits(anna, "A", now, [30, 23, 16, 12, 9, 5], [("Latte", 3.20m), ("Almond croissant", 2.40m)]);

        var marco = customers.Enrol(new NewCustomer(CardNumber.Parse(MarcoCard), "Marco Bianchi", "Marco"));
        customers.AddNote(marco, "Croissant was cold last time: apologise, offer a fresh one", pinned: false, followUp: true, kind: "complaint");
        Visits(marco, "M", now, [140, 110, 75], [("Espresso", 1.60m), ("Sourdough loaf", 4.50m)]);

        var li = customers.Enrol(new NewCustomer(CardNumber.Parse(LiCard), "Li Wei", "Li"));
        customers.AddNote(li, "Oat milk, always", pinned: true);
        Visits(li, "L", now, [20, 17, 14, 11, 8, 6, 3], [("Flat white", 3.40m)]);
    }

    private void Visits(CustomerId customer, string prefix, DateTimeOffset now, int[] daysAgo, (string Description, decimal Price)[] basket)
    {
        var currency = rules.ShopCurrency;
        foreach (var days in daysAgo)
        {
            var at = now.AddDays(-days).Date.AddHours(8.5);
            var items = basket.Select(b => new SaleItem(null, b.Description, 1m, new Money(b.Price, currency))).ToList();
            var total = new Money(basket.Sum(b => b.Price), currency);
            var number = string.Create(CultureInfo.InvariantCulture, $"{prefix}{days:000}");
            sales.Apply(customer, Sale.Create("till-1", number, total, new DateTimeOffset(at, now.Offset), items), SaleRecording.Manual);
        }
    }
}
