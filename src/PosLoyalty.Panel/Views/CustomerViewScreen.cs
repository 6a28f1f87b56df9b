using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>
/// The whole frame for <c>panel --customer-view</c>. It is fed the same events as the cashier panel
/// and projects the card through <see cref="CustomerFacingModel.From"/>, so notes, phone and email
/// never reach a renderer on this screen.
/// </summary>
public static class CustomerViewScreen
{
    public static IRenderable Render(PanelState state, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(state);
        var model = state.Screen == ScreenKind.Customer && state.Customer is { } card ? CustomerFacingModel.From(card) : null;
        return Render(model, layout);
    }

    public static IRenderable Render(CustomerFacingModel? model, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var view = model is null ? CustomerFacing.Welcome(layout) : CustomerFacing.Render(model, layout);
        return new Layout("customer-view", view);
    }
}
