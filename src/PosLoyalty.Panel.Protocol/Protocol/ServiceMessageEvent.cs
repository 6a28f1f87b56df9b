namespace PosLoyalty.Panel.Protocol;

/// <summary>A result or error for the message line ("Enrolled Anna", "wrong manager PIN").</summary>
public sealed record ServiceMessageEvent(string Text, bool IsError = false) : PanelEvent;
