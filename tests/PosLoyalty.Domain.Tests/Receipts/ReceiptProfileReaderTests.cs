using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

public sealed class ReceiptProfileReaderTests
{
    [Fact]
    public void Unknown_key_is_an_error_naming_the_key()
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse("""{ "TotalLables": ["TOTAL"] }""", "shop.json", "shop"));

        Assert.Contains("TotalLables", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shop.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_dialect_names_the_allowed_values()
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse("""{ "Dialect": "Epson" }""", "shop.json", "shop"));

        Assert.Contains("Dialect", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StarLine", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_label_is_an_error_naming_its_place()
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse("""{ "CopyMarkers": ["COPY", " "] }""", "shop.json", "shop"));

        Assert.Contains("CopyMarkers[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_pattern_without_its_groups_is_an_error()
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse("""{ "ItemLinePattern": "^(.+) (\\d+)$" }""", "shop.json", "shop"));

        Assert.Contains("ItemLinePattern", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_left_out_keep_the_default_profiles_values()
    {
        var profile = ReceiptProfileReader.Parse("""{ "Dialect": "StarLine", "CurrencySymbols": { "$": "CAD" } }""", "shop.json", "shop");

        Assert.Equal("shop", profile.Name);
        Assert.Equal(ReceiptDialect.StarLine, profile.Dialect);
        Assert.Equal(BuiltInReceiptProfiles.Default.TotalLabels, profile.TotalLabels);
        Assert.Equal("CAD", new ReceiptSaleExtractor(profile).Extract("TOTAL $12.00").Currency);
    }

    [Fact]
    public void A_shop_label_makes_its_own_POS_readable()
    {
        var profile = ReceiptProfileReader.Parse("""{ "TotalLabels": ["GRAND BALANCE"] }""", "shop.json", "shop");

        Assert.Equal(9.99m, new ReceiptSaleExtractor(profile).Extract("Tea  9.99\nGRAND BALANCE   9.99").Total);
        Assert.Null(new ReceiptSaleExtractor(profile).Extract("Tea  9.99\nTOTAL   9.99").Total);
    }

    [Fact]
    public void Built_in_star_profile_differs_from_default_only_in_name_and_dialect()
    {
        var star = BuiltInReceiptProfiles.Star;

        Assert.Equal(ReceiptDialect.StarLine, star.Dialect);
        Assert.Equal(ReceiptDialect.EscPos, BuiltInReceiptProfiles.Default.Dialect);
        Assert.Equal(BuiltInReceiptProfiles.Default.AmountDueLabels, star.AmountDueLabels);
        Assert.NotNull(BuiltInReceiptProfiles.Find("STAR"));
        Assert.Null(BuiltInReceiptProfiles.Find("epson"));
    }
}
