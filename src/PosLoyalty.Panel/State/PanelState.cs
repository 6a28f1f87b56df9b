using System.Collections.Immutable;
using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.State;

/// <summary>
/// Everything the panel draws, immutable. <see cref="Screen"/> is what the service last showed
/// (idle, a customer, an unknown card); a form or find results sit over it until closed, so Esc
/// returns to the customer the cashier was serving.
/// </summary>
public sealed record PanelState
{
    public ScreenKind Screen { get; init; } = ScreenKind.Idle;

    public required IdleModel Idle { get; init; }

    public CustomerCardModel? Customer { get; init; }

    public UnknownCardModel? UnknownCard { get; init; }

    /// <summary>The form open over the screen, if any; Terminal.Gui's dialog for it holds what is typed.</summary>
    public FormSpec? Form { get; init; }

    /// <summary>The inline errors of the last Enter in <see cref="Form"/>, by field name.</summary>
    public ImmutableDictionary<string, string> FormErrors { get; init; } = ImmutableDictionary<string, string>.Empty;

    public FindState? Find { get; init; }

    public StatusMessage? Message { get; init; }

    /// <summary>Sales waiting for the cashier, oldest first; Y credits the newest, D drops it.</summary>
    public IReadOnlyList<PendingSaleModel> Pending { get; init; } = [];

    /// <summary>What is on screen now, the overlay first.</summary>
    public ScreenKind Showing =>
        Form is not null ? ScreenKind.Form
        : Find is not null ? ScreenKind.FindResults
        : Screen;

    public static PanelState Start(IdleModel idle) => new() { Idle = idle };

    /// <summary>Back to the idle screen with no customer, form or search.</summary>
    public PanelState Cleared() => this with
    {
        Screen = ScreenKind.Idle,
        Customer = null,
        UnknownCard = null,
        Form = null,
        FormErrors = ImmutableDictionary<string, string>.Empty,
        Find = null,
    };
}
