namespace PosLoyalty.Panel.Model;

/// <summary>
/// What a screen facing the customer may show. It has no field for notes, phone, email, alerts
/// or the full name, so nothing private can reach that screen by accident.
/// </summary>
public sealed record CustomerFacingModel
{
    /// <summary>The preferred form of address ("Anna", "Mr Rossi").</summary>
    public required string Greeting { get; init; }

    public IReadOnlyList<StampCardProgress> StampCards { get; init; } = [];

    public long Points { get; init; }

    public long? PointsJustEarned { get; init; }

    public bool RewardPrinted { get; init; }

    /// <summary>The customer-safe projection of the cashier's card.</summary>
    public static CustomerFacingModel From(CustomerCardModel card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new CustomerFacingModel
        {
            Greeting = card.Greeting,
            StampCards = card.StampCards,
            Points = card.Points,
            PointsJustEarned = card.LastSale?.PointsEarned,
            RewardPrinted = card.LastSale?.CouponPrinted is not null,
        };
    }
}
