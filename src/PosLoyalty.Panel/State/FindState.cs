using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.State;

/// <summary>A search on screen: <see cref="Matches"/> is null until the service answers.</summary>
public sealed record FindState(string Query, IReadOnlyList<CustomerMatch>? Matches = null);
