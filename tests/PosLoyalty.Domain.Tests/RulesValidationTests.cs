using PosLoyalty.Domain.Rules;

namespace PosLoyalty.Domain.Tests;

public sealed class RulesValidationTests
{
    private const string Source = "test-loyalty.json";

    [Fact]
    public void Shipped_rules_file_is_valid()
    {
        var rules = LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "loyalty.json")), "kiosk-config/loyalty.json");
        Assert.Empty(rules.Validate());
        Assert.Equal("EUR", rules.ShopCurrency.Value);
        Assert.NotEmpty(rules.Tiers);
        Assert.NotEmpty(rules.StampCards);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var rules = LoyaltyRulesReader.Parse("""
            {
              // the shop's money
              "Currency": "SEK", /* kronor */
              "Coupons": { "ValidDays": 30, },
            }
            """, Source);
        Assert.Equal("SEK", rules.Currency);
        Assert.Equal(30, rules.Coupons.ValidDays);
    }

    [Fact]
    public void Tiers_out_of_order_are_named_with_their_value()
    {
        var message = Refused("""
            { "Tiers": [
                { "Name": "Gold", "MinSpend12Months": 750, "Multiplier": 1.5 },
                { "Name": "Silver", "MinSpend12Months": 250, "Multiplier": 1.25 } ] }
            """);
        Assert.Contains("'Tiers[1].MinSpend12Months' = 250", message, StringComparison.Ordinal);
        Assert.Contains("lowest to highest", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_tier_names_are_refused()
    {
        var message = Refused("""
            { "Tiers": [ { "Name": "Gold", "MinSpend12Months": 0 }, { "Name": "gold", "MinSpend12Months": 10 } ] }
            """);
        Assert.Contains("'Tiers[1].Name' = \"gold\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pre_stamped_boxes_must_be_fewer_than_the_boxes()
    {
        var message = Refused("""
            { "StampCards": [ { "Id": "coffee", "Name": "Coffee card", "Boxes": 10, "PreStamped": 10, "Reward": { "Description": "Free coffee" } } ] }
            """);
        Assert.Contains("'StampCards[0].PreStamped' = 10", message, StringComparison.Ordinal);
        Assert.Contains("fewer than Boxes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_regular_expression_is_named_with_the_pattern()
    {
        var message = Refused("""
            { "StampCards": [ { "Id": "coffee", "Name": "Coffee card", "Earn": "PerQualifyingItem",
                                "QualifyingDescriptionPattern": "(latte|espresso", "Reward": { "Description": "Free coffee" } } ] }
            """);
        Assert.Contains("'StampCards[0].QualifyingDescriptionPattern' = \"(latte|espresso\"", message, StringComparison.Ordinal);
        Assert.Contains("regular expression", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_item_card_without_a_way_to_qualify_is_refused()
    {
        var message = Refused("""
            { "StampCards": [ { "Id": "coffee", "Name": "Coffee card", "Earn": "PerQualifyingItem", "Reward": { "Description": "Free coffee" } } ] }
            """);
        Assert.Contains("'StampCards[0].Earn' = PerQualifyingItem", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_is_refused_naming_it()
    {
        var message = Refused("""{ "Currency": "EUR", "Pointz": { "PerCurrencyUnit": 1 } }""");
        Assert.Contains("Pointz", message, StringComparison.Ordinal);
        Assert.StartsWith(Source + ":", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_nested_key_is_refused_naming_it()
    {
        var message = Refused("""{ "Points": { "PerCurrencyUnit": 1, "Roundng": "Floor" } }""");
        Assert.Contains("Roundng", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_enum_value_is_refused_naming_the_key()
    {
        var message = Refused("""{ "Points": { "PerCurrencyUnit": 1, "Rounding": "Up" } }""");
        Assert.Contains("Points.Rounding", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_enum_value_is_refused_naming_the_value()
    {
        var message = Refused("""{ "Points": { "PerCurrencyUnit": 1, "Rounding": "Up" } }""");
        Assert.Contains("'Points.Rounding' = \"Up\" is not allowed: Floor, Nearest, Ceiling", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_given_as_a_number_is_refused()
    {
        var message = Refused("""{ "Points": { "Rounding": 1 } }""");
        Assert.Contains("Points.Rounding", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_day_of_week_is_refused_naming_the_key()
    {
        var message = Refused("""{ "Campaigns": [ { "Name": "Quiet", "Multiplier": 2, "DaysOfWeek": [ "Tuesdy" ] } ] }""");
        Assert.Contains("Campaigns[0].DaysOfWeek", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_currency_is_named_with_its_value()
    {
        var message = Refused("""{ "Currency": "EURO" }""");
        Assert.Contains("'Currency' = \"EURO\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_window_must_end_after_it_starts()
    {
        var message = Refused("""{ "Campaigns": [ { "Name": "Odd", "Multiplier": 2, "From": "17:00", "To": "14:00" } ] }""");
        Assert.Contains("'Campaigns[0].To' = 14:00", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wrong_key_is_listed_at_once()
    {
        var message = Refused("""
            { "Currency": "XXX", "Points": { "PerCurrencyUnit": -1 }, "Coupons": { "ValidDays": 0 },
              "PointsConversion": { "Threshold": 0, "Reward": { "Description": "off", "Value": 5 } } }
            """);
        Assert.Contains("'Currency' = \"XXX\"", message, StringComparison.Ordinal);
        Assert.Contains("'Points.PerCurrencyUnit' = -1", message, StringComparison.Ordinal);
        Assert.Contains("'Coupons.ValidDays' = 0", message, StringComparison.Ordinal);
        Assert.Contains("'PointsConversion.Threshold' = 0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conversion_coupon_needs_a_money_value()
    {
        var message = Refused("""{ "PointsConversion": { "Threshold": 500, "Reward": { "Description": "A gift" } } }""");
        Assert.Contains("'PointsConversion.Reward.Value' = (missing)", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public void A_document_that_is_not_an_object_is_refused(string json)
    {
        var message = Refused(json);
        Assert.StartsWith(Source + ":", message, StringComparison.Ordinal);
    }

    private static string Refused(string json) =>
        Assert.Throws<RulesValidationException>(() => LoyaltyRulesReader.Parse(json, Source)).Message;
}
