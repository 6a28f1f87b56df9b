namespace PosLoyalty.Panel.Protocol;

/// <summary>Find a customer without the card, by name or phone; answered by <see cref="FindResultsEvent"/>.</summary>
public sealed record FindCommand(string Query) : PanelCommand;
