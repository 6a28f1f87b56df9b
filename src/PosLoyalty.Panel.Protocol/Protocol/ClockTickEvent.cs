namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// Moves the idle clock. The panel never reads the time itself: the loop (or the service) sends
/// this from its TimeProvider, so the views stay pure.
/// </summary>
public sealed record ClockTickEvent(DateTimeOffset Now) : PanelEvent;
