using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

[Collection(TerminalGuiCollection.Name)]
public sealed class PrivacyTests
{
    public static TheoryData<int, int> Sizes() => new() { { 80, 24 }, { 132, 43 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Customer_view_shows_no_notes_phone_email_alerts_or_surname(int width, int height)
    {
        using var panel = new HeadlessPanel(width, height, customerView: true);
        panel.Apply(new CustomerIdentifiedEvent(Sample.Anna))
            .Apply(new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Anna with { Points = 322 }));

        var text = panel.Screen();

        Assert.Contains("322", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "divorce", "0171", "5550123", "anna.bianchi@example.com", "@", "Bianchi", "music volume", "9876", "cappuccino" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Customer_facing_model_carries_only_public_fields()
    {
        var names = typeof(CustomerFacingModel).GetProperties().Select(p => p.Name).Order().ToArray();

        Assert.Equal(["Greeting", "Points", "PointsJustEarned", "RewardPrinted", "StampCards"], names);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Unknown_card_and_enrol_form_never_draw_the_full_card_number(int width, int height)
    {
        using var cashier = new HeadlessPanel(width, height);
        using var customer = new HeadlessPanel(width, height, customerView: true);
        var scan = new UnknownCardEvent(new UnknownCardModel(Sample.RawCard));
        var unknown = cashier.Apply(scan).Screen();
        var form = cashier.Type("E").Screen();
        var facing = customer.Apply(scan).Screen();

        Assert.Contains("•••• 1234", unknown, StringComparison.Ordinal);
        Assert.Contains("•••• 1234", form, StringComparison.Ordinal);
        foreach (var text in new[] { unknown, form, facing })
        {
            Assert.DoesNotContain("62741900", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("1234", facing, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_card_does_not_leak_through_ToString()
    {
        Assert.DoesNotContain(Sample.RawCard, new UnknownCardModel(Sample.RawCard).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Sample.RawCard, new EnrolCommand("Anna", Card: Sample.RawCard).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Sample.RawCard, State.Forms.Enrol(Sample.RawCard).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6274190012341234", "•••• 1234")]
    [InlineData("6274 1900 1234 5678", "•••• 5678")]
    [InlineData("123", "•••• •••")]
    [InlineData("", "••••")]
    public void Card_mask_keeps_only_the_last_four(string card, string masked)
    {
        Assert.Equal(masked, CardMask.Mask(card));
    }
}
