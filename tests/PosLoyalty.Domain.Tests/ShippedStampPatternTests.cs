using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Domain.Tests;

/// <summary>
/// The shipped coffee card (kiosk-config/loyalty.json) matches coffee by name in every language the receipt
/// reader reads: en de fr es it nl sv da no fi et hu pl cs, and tr ru pt(-BR) ms el.
/// </summary>
public sealed class ShippedStampPatternTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    private static readonly DateTimeOffset Monday = new(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(2));

    private static readonly Lazy<LoyaltyRules> ShippedRules = new(() =>
        LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "loyalty.json")), "kiosk-config/loyalty.json"));

    private static StampCardRule Coffee => ShippedRules.Value.StampCards.Single(card => card.Id == "coffee");

    [Theory]
    [InlineData("Coffee")]
    [InlineData("Filter coffee")]
    [InlineData("Kaffee")]
    [InlineData("Milchkaffee")]
    [InlineData("Eiskaffee")]
    [InlineData("MILCHKAFFEE GROSS")]
    [InlineData("Café crème")]
    [InlineData("CAFÉ AU LAIT")]
    [InlineData("Café con leche")]
    [InlineData("Caffè")]
    [InlineData("CAFFE' LUNGO")]
    [InlineData("Koffie verkeerd")]
    [InlineData("Bryggkaffe")]
    [InlineData("Filterkaffe")]
    [InlineData("kaffe")]
    [InlineData("Kahvi")]
    [InlineData("Suodatinkahvi")]
    [InlineData("Kohv piimaga")]
    [InlineData("Tejeskávé")]
    [InlineData("KAVE")]
    [InlineData("Kawa czarna")]
    [InlineData("KAWY")]
    [InlineData("Káva s mlékem")]
    [InlineData("Türk kahvesi")]
    [InlineData("KAHVE")]
    [InlineData("Кофе")]
    [InlineData("КОФЕ С МОЛОКОМ")]
    [InlineData("Cafezinho")]
    [InlineData("Kopi O")]
    [InlineData("KOPI SUSU")]
    [InlineData("Καφές")]
    [InlineData("ΚΑΦΕΣ ΦΙΛΤΡΟΥ")]
    [InlineData("Ελληνικός καφέ")]
    [InlineData("Espresso")]
    [InlineData("Expresso")]
    [InlineData("Dupla eszpresszó")]
    [InlineData("Эспрессо")]
    [InlineData("Φρέντο εσπρέσο")]
    [InlineData("Latte")]
    [InlineData("Латте")]
    [InlineData("ΛΑΤΕ")]
    [InlineData("Cappuccino")]
    [InlineData("Capuchino")]
    [InlineData("Kapučíno")]
    [InlineData("Kapucsínó")]
    [InlineData("Kapuçino")]
    [InlineData("Капучино")]
    [InlineData("Καπουτσίνο")]
    [InlineData("Americano")]
    [InlineData("Amerikano")]
    [InlineData("Американо")]
    [InlineData("Flat white")]
    [InlineData("Mokka")]
    [InlineData("Moka")]
    [InlineData("Mocha")]
    [InlineData("Мокко")]
    [InlineData("Latte macchiato")]
    [InlineData("Makiato")]
    [InlineData("Макиато")]
    [InlineData("Cortado")]
    [InlineData("Κορτάδο")]
    public void Coffee_card_stamps_coffee_in_every_language_the_reader_reads(string description)
    {
        var sale = Sale(Item(description));
        Assert.Equal(1, LoyaltyRulesEngine.StampsEarned(Coffee, sale));
    }

    [Theory]
    [InlineData("Croissant")]
    [InlineData("Tee")]
    [InlineData("Tea")]
    [InlineData("Heiße Schokolade")]
    [InlineData("Kakao")]
    [InlineData("Kawałek ciasta")]
    [InlineData("Kopie")]
    [InlineData("Chai")]
    [InlineData("Чай")]
    [InlineData("Τσάι")]
    [InlineData("Teh tarik")]
    public void Coffee_card_does_not_stamp_what_is_not_coffee(string description)
    {
        Assert.Equal(0, LoyaltyRulesEngine.StampsEarned(Coffee, Sale(Item(description))));
    }

    [Fact]
    public void Milchkaffee_on_a_German_receipt_earns_a_coffee_stamp_with_the_shipped_rules()
    {
        const string receipt = """
            Café am Markt
            Marktplatz 3, 04109 Leipzig
            Bon-Nr. 2231
            02.06.2025 10:00
            --------------------------------
            Milchkaffee               3,40 A
            Butterbrezel              2,10 A
            --------------------------------
            SUMME EUR                 5,50
            Bar                      10,00
            Rückgeld                  4,50
            """;
        var read = new ReceiptSaleExtractor(BuiltInReceiptProfiles.Default).Extract(receipt);
        var till = ReceiptToTill.Convert(read, "till-1", Eur, Monday);

        Assert.NotNull(till);
        Assert.Contains(till.Sale.Items, item => item.Description == "Milchkaffee");
        var effects = LoyaltyRulesEngine.Evaluate(State(stamps: 2), till.Sale, ShippedRules.Value);
        var stamp = Assert.Single(effects.Stamps);
        Assert.Equal("coffee", stamp.ProgramId);
        Assert.Equal(1, stamp.Added);
    }

    private static Sale Sale(params SaleItem[] items) =>
        Sales.Sale.Create("till-1", "R-1", new Money(items.Sum(item => item.Amount.Amount), Eur), Monday, items);

    private static SaleItem Item(string description) => new(null, description, 1m, new Money(3m, Eur));

    private static CustomerState State(int stamps) =>
        new(
            new Customer { Id = new CustomerId(1), DisplayName = "Ada", EnrolledAt = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero) },
            Points.Zero,
            new Dictionary<string, int>(StringComparer.Ordinal) { ["coffee"] = stamps },
            0m,
            1,
            null,
            null);
}
