namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// Quick enrolment: a name is enough (docs/architecture.md, "Rules that keep data safe"). <see cref="Birthday"/> is "MM-DD";
/// <see cref="Card"/> is the raw card value when enrolling from an unknown-card scan.
/// </summary>
public sealed record EnrolCommand(
    string Name,
    string? Greeting = null,
    string? Birthday = null,
    string? Phone = null,
    string? Email = null,
    bool MarketingConsent = false,
    string? Card = null) : PanelCommand
{
    // The record's generated ToString would print the raw card into any log line.
    public override string ToString() => $"EnrolCommand {{ Name = {Name}, Card = {(Card is null ? "none" : Model.CardMask.Mask(Card))} }}";
}
