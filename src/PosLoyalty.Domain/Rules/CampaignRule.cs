namespace PosLoyalty.Domain.Rules;

/// <summary>
/// A points multiplier for slow periods or new products. Every condition given must hold; a
/// campaign with SKUs multiplies only those items. Campaigns do not stack: the highest applies.
/// </summary>
public sealed record CampaignRule
{
    public string Name { get; init; } = string.Empty;

    public decimal Multiplier { get; init; } = 1m;

    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; } = [];

    /// <summary>Start of the daily window, shop local time ("14:00"); null for all day.</summary>
    public TimeOnly? From { get; init; }

    /// <summary>End of the daily window, exclusive ("17:00").</summary>
    public TimeOnly? To { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>Last day of the campaign, inclusive.</summary>
    public DateOnly? EndDate { get; init; }

    public IReadOnlyList<string> Skus { get; init; } = [];
}
