using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

/// <summary>The answer to <see cref="FindCommand"/>; <see cref="Query"/> ties it to the search still on screen.</summary>
public sealed record FindResultsEvent(string Query, IReadOnlyList<CustomerMatch> Matches) : PanelEvent;
