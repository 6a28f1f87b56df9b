namespace PosLoyalty.Panel.Protocol;

public sealed record AddNoteCommand(long CustomerId, string Text, bool Pinned) : PanelCommand;
