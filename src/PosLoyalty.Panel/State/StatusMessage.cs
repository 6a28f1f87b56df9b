namespace PosLoyalty.Panel.State;

/// <summary>The one-line result or error under the main view.</summary>
public sealed record StatusMessage(string Text, bool IsError = false);
