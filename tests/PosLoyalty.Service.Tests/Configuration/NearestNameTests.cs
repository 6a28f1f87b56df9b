using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Service.Tests.Configuration;

public sealed class NearestNameTests
{
    private static readonly string[] ScannerKeys = ["Device", "BaudRate"];

    [Theory]
    [InlineData("BaudRat", "BaudRate")]
    [InlineData("Baudrte", "BaudRate")]
    [InlineData("Devcie", "Device")]
    [InlineData("DEVICES", "Device")]
    public void A_typo_suggests_the_known_name_fewest_edits_away(string typed, string expected) =>
        Assert.Equal(expected, NearestName.Find(typed, ScannerKeys));

    [Fact]
    public void A_name_far_from_every_known_one_gets_no_suggestion() =>
        Assert.Null(NearestName.Find("ConnectionString", ScannerKeys));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("Scaner", "Scanner", 1)]
    [InlineData("abc", "", 3)]
    public void Distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected) =>
        Assert.Equal(expected, NearestName.Distance(a, b));
}
