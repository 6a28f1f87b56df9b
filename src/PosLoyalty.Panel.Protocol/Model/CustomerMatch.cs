namespace PosLoyalty.Panel.Model;

/// <summary>One row of find results: enough to tell two Annas apart, nothing more.</summary>
public sealed record CustomerMatch(long CustomerId, string DisplayName, string? CardLast4 = null, DateTimeOffset? LastVisit = null);
