using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

public sealed class KeyFlowTests
{
    [Fact]
    public void Enrolment_by_keys_sends_name_greeting_birthday_and_the_scanned_card()
    {
        var keys = Scenarios.Start().Apply(new UnknownCardEvent(new UnknownCardModel(Sample.RawCard)))
            .Type("E").Type("Anna Bianchi").Press(ConsoleKey.Tab).Type("Anna").Press(ConsoleKey.Tab).Type("03-14")
            .Press(ConsoleKey.Enter);

        var command = Assert.Single(keys.Commands);
        Assert.Equal(new EnrolCommand("Anna Bianchi", "Anna", "03-14", Card: Sample.RawCard), command);
        Assert.Null(keys.State.Form);
        Assert.Equal("Enrolling Anna Bianchi…", keys.State.Message?.Text);
    }

    [Fact]
    public void Enrolment_with_phone_email_and_consent_sends_them()
    {
        var keys = Scenarios.Start().Type("e").Type("Li Wei")
            .Press(ConsoleKey.Tab).Press(ConsoleKey.Tab).Press(ConsoleKey.Tab).Type("0171 555")
            .Press(ConsoleKey.Tab).Type("li@example.com").Press(ConsoleKey.Tab).Press(ConsoleKey.Spacebar)
            .Press(ConsoleKey.Enter);

        Assert.Equal(new EnrolCommand("Li Wei", null, null, "0171 555", "li@example.com", MarketingConsent: true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Enrolment_without_a_name_shows_an_inline_error_and_sends_nothing()
    {
        var keys = Scenarios.Start().Type("E").Press(ConsoleKey.Tab).Type("Anna").Press(ConsoleKey.Enter);

        Assert.Empty(keys.Commands);
        var form = Assert.IsType<FormState>(keys.State.Form);
        Assert.Equal("name is required", form[FieldNames.Name].Error);
        Assert.Equal(0, form.Focus);
    }

    [Fact]
    public void Birthday_that_is_not_a_day_of_the_year_is_refused_inline()
    {
        var keys = Scenarios.Start().Type("E").Type("Anna").Press(ConsoleKey.Tab).Press(ConsoleKey.Tab).Type("02-30").Press(ConsoleKey.Enter);

        Assert.Empty(keys.Commands);
        Assert.Contains("MM-DD", keys.State.Form![FieldNames.Birthday].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backspace_and_arrows_edit_at_the_cursor()
    {
        var keys = Scenarios.Start().Type("E").Type("Aa").Press(ConsoleKey.LeftArrow).Type("nn")
            .Press(ConsoleKey.End).Type("x").Press(ConsoleKey.Backspace).Press(ConsoleKey.Home).Press(ConsoleKey.Delete).Type("A")
            .Press(ConsoleKey.Enter);

        Assert.Equal("Anna", Assert.IsType<EnrolCommand>(Assert.Single(keys.Commands)).Name);
    }

    [Fact]
    public void Note_with_pin_toggled_on_its_field_sends_a_pinned_note()
    {
        var keys = Scenarios.OnRossi().Type("N").Type("Ask about the new puppy").Press(ConsoleKey.Tab).Type("P").Press(ConsoleKey.Enter);

        Assert.Equal(new AddNoteCommand(42, "Ask about the new puppy", Pinned: true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Ctrl_P_pins_a_note_while_typing_it_and_P_opens_it_already_pinned()
    {
        var typed = Scenarios.OnRossi().Type("N").Type("Oat milk").Ctrl('p').Press(ConsoleKey.Enter);
        var pinnedFirst = Scenarios.OnRossi().Type("P").Type("Oat milk").Press(ConsoleKey.Enter);

        Assert.Equal(new AddNoteCommand(42, "Oat milk", true), Assert.Single(typed.Commands));
        Assert.Equal(new AddNoteCommand(42, "Oat milk", true), Assert.Single(pinnedFirst.Commands));
    }

    [Fact]
    public void Typing_P_in_the_note_text_types_a_letter_and_does_not_pin()
    {
        var keys = Scenarios.OnRossi().Type("N").Type("Pay later").Press(ConsoleKey.Enter);

        Assert.Equal(new AddNoteCommand(42, "Pay later", false), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Note_without_a_customer_on_screen_is_refused_with_a_message()
    {
        var keys = Scenarios.Start().Type("N");

        Assert.Null(keys.State.Form);
        Assert.True(keys.State.Message?.IsError);
        Assert.Empty(keys.Commands);
    }

    [Fact]
    public void Find_sends_the_query_then_arrows_and_Enter_select_a_result()
    {
        var keys = Scenarios.Start().Type("F").Type("ross").Press(ConsoleKey.Enter);
        Assert.Equal(new FindCommand("ross"), Assert.Single(keys.Commands));
        Assert.Equal(ScreenKind.FindResults, keys.State.Showing);

        keys.Apply(new FindResultsEvent("ross", Sample.Matches))
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.UpArrow)
            .Press(ConsoleKey.Enter);

        Assert.Equal(new SelectCustomerCommand(51), keys.Commands[^1]);
        Assert.Null(keys.State.Find);
    }

    [Fact]
    public void Results_for_a_search_already_left_are_ignored()
    {
        var keys = Scenarios.Start().Type("F").Type("ross").Press(ConsoleKey.Enter).Press(ConsoleKey.Escape)
            .Apply(new FindResultsEvent("ross", Sample.Matches));

        Assert.Equal(ScreenKind.Idle, keys.State.Showing);
    }

    [Fact]
    public void Redeem_sends_the_typed_code_upper_cased()
    {
        var keys = Scenarios.Start().Type("R").Type(" k7qf-9xma-t3 ").Press(ConsoleKey.Enter);

        Assert.Equal(new RedeemCommand("K7QF-9XMA-T3"), Assert.Single(keys.Commands));
    }

    [Theory]
    [InlineData("12,50")]
    [InlineData("12.50")]
    public void Manual_sale_accepts_comma_or_point(string typed)
    {
        var keys = Scenarios.OnRossi().Type("S").Type(typed).Press(ConsoleKey.Tab).Type("flat white; croissant").Press(ConsoleKey.Enter);

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
        var keys = Scenarios.Start().Type("S").Type(typed).Press(ConsoleKey.Enter);

        Assert.Empty(keys.Commands);
        Assert.NotNull(keys.State.Form![FieldNames.Amount].Error);
    }

    [Fact]
    public void Complaint_with_follow_up_sends_the_flag()
    {
        var keys = Scenarios.OnRossi().Type("C").Type("Croissant was cold").Press(ConsoleKey.Tab).Press(ConsoleKey.Spacebar).Press(ConsoleKey.Enter);

        Assert.Equal(new ComplaintCommand(42, "Croissant was cold", FollowUp: true), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Esc_cancels_a_form_and_returns_to_the_customer()
    {
        var keys = Scenarios.OnRossi().Type("N").Type("half a thought").Press(ConsoleKey.Escape);

        Assert.Empty(keys.Commands);
        Assert.Null(keys.State.Form);
        Assert.Equal(ScreenKind.Customer, keys.State.Showing);
    }

    [Fact]
    public void X_clears_the_customer_and_tells_the_service()
    {
        var keys = Scenarios.OnRossi().Type("x");

        Assert.IsType<ClearCommand>(Assert.Single(keys.Commands));
        Assert.Equal(ScreenKind.Idle, keys.State.Showing);
        Assert.Null(keys.State.Customer);
    }

    [Fact]
    public void Q_quits()
    {
        var keys = Scenarios.Start().Type("Q");

        Assert.IsType<QuitCommand>(Assert.Single(keys.Commands));
    }

    [Fact]
    public void Letters_typed_in_a_form_are_text_not_panel_keys()
    {
        var keys = Scenarios.OnRossi().Type("N").Type("Quixotic").Press(ConsoleKey.Enter);

        Assert.Equal(new AddNoteCommand(42, "Quixotic", false), Assert.Single(keys.Commands));
    }

    [Fact]
    public void Adjusting_points_without_the_manager_PIN_sends_nothing()
    {
        var keys = Scenarios.OnRossi().Type("A").Type("+50").Press(ConsoleKey.Tab).Type("Goodwill").Press(ConsoleKey.Enter);

        Assert.Empty(keys.Commands);
        Assert.Equal("manager pin is required", keys.State.Form![FieldNames.ManagerPin].Error);
        Assert.Equal(2, keys.State.Form.Focus);
    }

    [Fact]
    public void Adjusting_points_with_the_PIN_sends_it_and_never_draws_it()
    {
        var keys = Scenarios.OnRossi().Type("A").Type("-20").Press(ConsoleKey.Tab).Type("Wrong card").Press(ConsoleKey.Tab).Type("2468");
        var screen = Screen.Text(Views.PanelScreen.Render(keys.State, Views.PanelLayout.Standard), Views.PanelLayout.Standard);
        keys.Press(ConsoleKey.Enter);

        Assert.DoesNotContain("2468", screen, StringComparison.Ordinal);
        Assert.Contains("••••", screen, StringComparison.Ordinal);
        Assert.Equal(new AdjustPointsCommand(42, -20, "Wrong card", "2468"), Assert.Single(keys.Commands));
        Assert.DoesNotContain("2468", keys.Commands[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_scan_closes_an_open_form_so_a_note_cannot_land_on_the_wrong_customer()
    {
        var keys = Scenarios.OnRossi().Type("N").Type("for Rossi").Apply(new CustomerIdentifiedEvent(Sample.Anna));

        Assert.Null(keys.State.Form);
        Assert.Equal(7, keys.State.Customer?.CustomerId);
        Assert.NotNull(keys.State.Message);
    }
}
