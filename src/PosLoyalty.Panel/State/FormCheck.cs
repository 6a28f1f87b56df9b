using System.Collections.Immutable;

namespace PosLoyalty.Panel.State;

/// <summary>A submitted form: either errors by field name (nothing to send) or the command to send.</summary>
public sealed record FormCheck(ImmutableDictionary<string, string> Errors, Protocol.PanelCommand? Command);
