using PosLoyalty.Storage.Import;

namespace PosLoyalty.Storage.Tests.Import;

public sealed class CustomerImporterTests : IDisposable
{
    private readonly TestShop shop = new();

    public void Dispose() => shop.Dispose();

    private CustomerImporter Importer => new(shop.Database, TestShop.Rules, shop.Clock);

    [Fact]
    public void Duplicate_cards_in_the_file_are_errors_on_the_later_line_and_nothing_is_written()
    {
        var result = Importer.Import(new StringReader("name,card\nAnna,3001\nBen,3002\nCleo,3001\n"), dryRun: false);

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("card", error.Column);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, shop.Scalar("SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public void Imported_customers_look_like_enrolled_ones()
    {
        var result = Importer.Import(new StringReader("name,card,points,consent,birthday\nAnna,3001,250,1,12-31\n"), dryRun: false);

        Assert.True(result.Succeeded);
        var id = shop.Customers.Resolve("3001");
        Assert.Equal(250, shop.Balance(id));
        Assert.Equal(250, shop.LedgerSum(id));
        Assert.Equal(2, shop.Stamps(id)); // pre-stamped like `customers add`
        Assert.Equal(0, shop.BalancesOffTheLedger());
    }

    [Fact]
    public void A_header_without_a_card_column_is_refused_before_any_row()
    {
        var result = Importer.Import(new StringReader("name,telephone\nAnna,123\n"), dryRun: false);

        Assert.Contains(result.Errors, e => e.Line == 1 && e.Column == "telephone");
        Assert.Contains(result.Errors, e => e.Line == 1 && e.Column == "card");
    }
}
