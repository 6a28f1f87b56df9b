using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PosLoyalty.Domain.Rules;

/// <summary>A stamp card: N boxes; when they are full the customer gets the reward.</summary>
public sealed record StampCardRule
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public int Boxes { get; init; } = 10;

    /// <summary>Boxes already stamped when the customer enrols: a card that is started gets finished.</summary>
    public int PreStamped { get; init; }

    public StampEarning Earn { get; init; } = StampEarning.PerVisit;

    public IReadOnlyList<string> QualifyingSkus { get; init; } = [];

    /// <summary>A .NET regular expression matched against item descriptions.</summary>
    public string? QualifyingDescriptionPattern { get; init; }

    public CouponReward Reward { get; init; } = new();

    /// <summary>The source a filled card's coupon is stored with.</summary>
    [JsonIgnore]
    public string CouponSource => CouponSourceFor(Id);

    /// <summary>The source of card <paramref name="cardId"/>'s coupons, for a card the rules may no longer list.</summary>
    public static string CouponSourceFor(string cardId) => "stamp-card:" + cardId;

    /// <summary>The pattern, built once per rules load rather than once per sale.</summary>
    [JsonIgnore]
    internal Regex? QualifyingRegex => QualifyingDescriptionPattern is null
        ? null
        : qualifyingRegex ??= new Regex(QualifyingDescriptionPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    private Regex? qualifyingRegex;
}
