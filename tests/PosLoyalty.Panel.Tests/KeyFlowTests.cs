using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Tests.Support;
using Terminal.Gui.Input;

namespace PosLoyalty.Panel.Tests;

/// <summary>The panel's keys end to end through Terminal.Gui: status-bar keys, dialogs, fields, lists.</summary>
[Collection(TerminalGuiCollection.Name)]
public sealed class KeyFlowTests
{
    [Fact]
    public void Enrolment_by_keys_sends_name_greeting_birthday_and_the_scanned_card()
    {
        using var keys = new HeadlessPanel().Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard)))
            .Type("E").Type("Anna Bianchi").Press(Key.Tab).Type("Anna").Press(Key.Tab).Type("03-14")
            .Press(Key.Enter);

        var command = Assert.Single(keys.Commands);
        Assert.Equal(new EnrolCommand("Anna Bianchi", "Anna", "03-14", Card: Sample.RawCard), command);
        Assert.Null(keys.State.Form);
        Assert.Equal("Enrolling Anna Bianchi…", keys.State.Message?.Text);
    }

    [Fact]
    public void Enrolment_with_phone_email_and_consent_sends_them()
    {
        using var keys = new HeadlessPanel().Type("e").Type("Li Wei")
            .Press(Key.Tab).Press(Key.Tab).Press(Key.Tab).Type("0171 555")
            .Press(Key.Tab).Type("li@example.com").Press(Key.Tab).Press(Key.Space)
            .Press(Key.Enter);

        Assert.Equal(new EnrolCommand("Li Wei", null, null, "0171 555", "li@example.com", MarketingConsent: true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Enrolment_without_a_name_shows_an_inline_error_and_sends_nothing()
    {
        using var keys = new HeadlessPanel().Type("E").Press(Key.Tab).Type("Anna").Press(Key.Enter);

        Assert.Empty(keys.Commands);
        Assert.NotNull(keys.State.Form);
        Assert.Equal("name is required", keys.State.FormErrors[FieldNames.Name]);
        Assert.Contains("✗ name is required", keys.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public void Birthday_that_is_not_a_day_of_the_year_is_refused_inline()
    {
        using var keys = new HeadlessPanel().Type("E").Type("Anna").Press(Key.Tab).Press(Key.Tab).Type("02-30").Press(Key.Enter);

        Assert.Empty(keys.Commands);
        Assert.Contains("MM-DD", keys.State.FormErrors[FieldNames.Birthday], StringComparison.Ordinal);
    }

    [Fact]
    public void Backspace_and_arrows_edit_at_the_cursor()
    {
        using var keys = new HeadlessPanel().Type("E").Type("Aa").Press(Key.CursorLeft).Type("nn")
            .Press(Key.End).Type("x").Press(Key.Backspace).Press(Key.Home).Press(Key.Delete).Type("A")
            .Press(Key.Enter);

        Assert.Equal("Anna", Assert.IsType<EnrolCommand>(Assert.Single(keys.Commands)).Name);
    }

    [Fact]
    public void Note_with_pin_toggled_on_its_field_sends_a_pinned_note()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("N").Type("Ask about the new puppy").Press(Key.Tab).Press(Key.Space).Press(Key.Enter);

        Assert.Equal(new AddNoteCommand(42, "Ask about the new puppy", Pinned: true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void P_opens_the_note_already_pinned()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("P").Type("Oat milk").Press(Key.Enter);

        Assert.Equal(new AddNoteCommand(42, "Oat milk", true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Typing_P_in_the_note_text_types_a_letter_and_does_not_pin()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("N").Type("Pay later").Press(Key.Enter);

        Assert.Equal(new AddNoteCommand(42, "Pay later", false), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Note_without_a_customer_on_screen_is_refused_with_a_message()
    {
        using var keys = new HeadlessPanel().Type("N");

        Assert.Null(keys.State.Form);
        Assert.True(keys.State.Message?.IsError);
        Assert.Empty(keys.Commands);
    }

    [Fact]
    public void Find_sends_the_query_then_arrows_and_Enter_select_a_result()
    {
        using var keys = new HeadlessPanel().Type("F").Type("ross").Press(Key.Enter);
        Assert.Equal(new FindCommand("ross"), Assert.Single(keys.Commands));
        Assert.Equal(ScreenKind.FindResults, keys.State.Showing);

        keys.Apply(new FindResultsEvent("ross", Sample.Matches))
            .Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.CursorUp)
            .Press(Key.Enter);

        Assert.Equal(new SelectCustomerCommand(51), keys.Commands[^1]);
        Assert.Null(keys.State.Find);
    }

    [Fact]
    public void Results_for_a_search_already_left_are_ignored()
    {
        using var keys = new HeadlessPanel().Type("F").Type("ross").Press(Key.Enter).Press(Key.Esc)
            .Apply(new FindResultsEvent("ross", Sample.Matches));

        Assert.Equal(ScreenKind.Idle, keys.State.Showing);
    }

    [Fact]
    public void Redeem_sends_the_typed_code_upper_cased()
    {
        using var keys = new HeadlessPanel().Type("R").Type(" k7qf-9xma-t3 ").Press(Key.Enter);

        Assert.Equal(new RedeemCommand("K7QF-9XMA-T3"), Assert.Single(keys.Commands));
    }

    [Theory]
    [InlineData("12,50")]
    [InlineData("12.50")]
    public void Manual_sale_accepts_comma_or_point(string typed)
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("S").Type(typed).Press(Key.Tab).Type("flat white; croissant").Press(Key.Enter);

        var sale = Assert.IsType<ManualSaleCommand>(Assert.Single(keys.Commands));
        Assert.Equal(12.50m, sale.Amount);
        Assert.Equal(["flat white", "croissant"], sale.Items);
        Assert.Equal(42, sale.CustomerId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("12.505")]
    [InlineData("1,250.00")]
    public void Manual_sale_refuses_an_amount_that_is_not_a_positive_decimal(string typed)
    {
        using var keys = new HeadlessPanel().Type("S").Type(typed).Press(Key.Enter);

        Assert.Empty(keys.Commands);
        Assert.True(keys.State.FormErrors.ContainsKey(FieldNames.Amount));
    }

    [Fact]
    public void Complaint_with_follow_up_sends_the_flag()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("C").Type("Croissant was cold").Press(Key.Tab).Press(Key.Space).Press(Key.Enter);

        Assert.Equal(new ComplaintCommand(42, "Croissant was cold", FollowUp: true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Esc_cancels_a_form_and_returns_to_the_customer()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("N").Type("half a thought").Press(Key.Esc);

        Assert.Empty(keys.Commands);
        Assert.Null(keys.State.Form);
        Assert.Equal(ScreenKind.Customer, keys.State.Showing);
    }

    [Fact]
    public void X_clears_the_customer_and_tells_the_service()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("x");

        Assert.IsType<ClearCommand>(Assert.Single(keys.Commands));
        Assert.Equal(ScreenKind.Idle, keys.State.Showing);
        Assert.Null(keys.State.Customer);
    }

    [Fact]
    public void Q_closes_the_panel_and_tells_the_service_nothing()
    {
        using var keys = new HeadlessPanel().Type("Q");

        Assert.True(keys.StopRequested);
        Assert.Empty(keys.Commands);
    }

    [Fact]
    public void Ctrl_C_closes_the_panel_like_Q()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Press(Key.C.WithCtrl);

        Assert.True(keys.StopRequested);
        Assert.Empty(keys.Commands);
    }

    [Fact]
    public void Ctrl_C_in_an_open_form_closes_the_panel_and_sends_nothing()
    {
        // A text field would take Ctrl+C as "copy": the panel sees it first.
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("N").Type("half a note").Press(Key.C.WithCtrl);

        Assert.True(keys.StopRequested);
        Assert.Empty(keys.Commands);
    }

    [Fact]
    public void Ctrl_C_closes_the_customer_view()
    {
        using var keys = new HeadlessPanel(customerView: true).Press(Key.C.WithCtrl);

        Assert.True(keys.StopRequested);
        Assert.Empty(keys.Commands);
    }

    [Fact]
    public void Letters_typed_in_a_form_are_text_not_panel_keys()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("N").Type("Quixotic").Press(Key.Enter);

        Assert.Equal(new AddNoteCommand(42, "Quixotic", false), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Adjusting_points_without_the_manager_PIN_sends_nothing()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("A").Type("+50").Press(Key.Tab).Type("Goodwill").Press(Key.Enter);

        Assert.Empty(keys.Commands);
        Assert.Equal("manager pin is required", keys.State.FormErrors[FieldNames.ManagerPin]);
    }

    [Fact]
    public void Adjusting_points_with_the_PIN_sends_it_and_never_draws_it()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("A").Type("-20").Press(Key.Tab).Type("Wrong card").Press(Key.Tab).Type("2468");
        var screen = keys.Screen();
        keys.Press(Key.Enter);

        Assert.DoesNotContain("2468", screen, StringComparison.Ordinal);
        Assert.Contains("Manager PIN", screen, StringComparison.Ordinal);
        Assert.Equal(new AdjustPointsCommand(42, -20, "Wrong card", "2468"), Assert.Single(keys.Commands));
        Assert.DoesNotContain("2468", keys.Commands[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_scan_closes_an_open_form_so_a_note_cannot_land_on_the_wrong_customer()
    {
        using var keys = Scenarios.OnRossi(new HeadlessPanel()).Type("N").Type("for Rossi").Apply(new CustomerIdentifiedEvent(Sample.Anna));

        Assert.Null(keys.State.Form);
        Assert.Equal(7, keys.State.Customer?.CustomerId);
        Assert.NotNull(keys.State.Message);
    }
}
