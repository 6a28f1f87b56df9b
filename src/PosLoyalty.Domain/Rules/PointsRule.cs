namespace PosLoyalty.Domain.Rules;

public sealed record PointsRule
{
    /// <summary>Points per whole unit of the shop's currency (1 = a point per euro).</summary>
    public decimal PerCurrencyUnit { get; init; } = 1m;

    public PointsRounding Rounding { get; init; } = PointsRounding.Floor;
}
