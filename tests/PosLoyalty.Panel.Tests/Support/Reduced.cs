using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.State;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>The reducer alone, no Terminal.Gui: a state and the events applied to it.</summary>
internal sealed record Reduced(PanelState State)
{
    public static Reduced Start() => new(PanelState.Start(Sample.Idle));

    public static Reduced OnRossi() => Start().Apply(new CustomerIdentifiedEvent(Sample.Rossi));

    public Reduced Apply(PanelEvent panelEvent) => new(PanelReducer.Apply(State, panelEvent));
}
