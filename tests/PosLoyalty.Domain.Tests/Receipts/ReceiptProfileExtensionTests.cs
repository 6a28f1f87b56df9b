using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>A profile file that extends the built-in default (`AddLabels`) and names its printer's start-up code page.</summary>
public sealed class ReceiptProfileExtensionTests
{
    [Fact]
    public void Added_labels_extend_the_default_lists_instead_of_replacing_them()
    {
        var profile = ReceiptProfileReader.Parse("""{ "AddLabels": { "AmountDueLabels": ["NETT ZAHLBAR"] } }""", "shop.json", "shop");

        Assert.Equal(BuiltInReceiptProfiles.Default.AmountDueLabels.Append("NETT ZAHLBAR"), profile.AmountDueLabels);
        var extractor = new ReceiptSaleExtractor(profile);
        Assert.Equal(4.20m, extractor.Extract("Tee  4.20\nNETT ZAHLBAR   4.20").Total);
        Assert.Equal(4.20m, extractor.Extract("Tee  4.20\nZU ZAHLEN   4.20").Total);
    }

    [Fact]
    public void Added_labels_extend_a_list_the_file_replaces()
    {
        var profile = ReceiptProfileReader.Parse("""{ "CopyMarkers": ["DUPLIKAT"], "AddLabels": { "CopyMarkers": ["ZWEITSCHRIFT"] } }""", "shop.json", "shop");

        Assert.Equal(["DUPLIKAT", "ZWEITSCHRIFT"], profile.CopyMarkers);
    }

    [Fact]
    public void Unknown_key_under_added_labels_is_an_error_naming_it()
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse("""{ "AddLabels": { "TotalLables": ["X"] } }""", "shop.json", "shop"));

        Assert.Contains("AddLabels.TotalLables", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReceiptNumberLabels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_added_label_is_an_error_naming_its_place()
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse("""{ "AddLabels": { "TotalLabels": ["--"] } }""", "shop.json", "shop"));

        Assert.Contains("AddLabels.TotalLabels[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_page_is_read_and_left_out_means_the_setting_decides()
    {
        Assert.Equal(858, ReceiptProfileReader.Parse("""{ "CodePage": 858 }""", "shop.json", "shop").CodePage);
        Assert.Null(ReceiptProfileReader.Parse("{}", "shop.json", "shop").CodePage);
        Assert.Null(BuiltInReceiptProfiles.Default.CodePage);
    }

    [Theory]
    [InlineData("""{ "CodePage": 12345 }""", "'CodePage' 12345")]
    [InlineData("""{ "CodePage": -1 }""", "'CodePage' -1")]
    [InlineData("""{ "CodePage": "latin" }""", "'CodePage' has a value of the wrong kind")]
    public void Unknown_code_page_is_an_error_naming_the_key(string json, string expected)
    {
        var ex = Assert.Throws<ReceiptProfileException>(() => ReceiptProfileReader.Parse(json, "shop.json", "shop"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("shop.json", ex.Message, StringComparison.Ordinal);
    }
}
