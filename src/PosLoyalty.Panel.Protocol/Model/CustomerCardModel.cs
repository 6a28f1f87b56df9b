namespace PosLoyalty.Panel.Model;

/// <summary>
/// Everything the cashier sees about the customer at the counter. Built by the service; the card
/// number travels as its last four characters only. <see cref="AsOf"/> is the service's clock when
/// the card was built, so "12 days ago" never depends on the panel's own clock.
/// </summary>
public sealed record CustomerCardModel
{
    public required long CustomerId { get; init; }

    /// <summary>Last four characters of the card scanned, or null when the customer was found by name.</summary>
    public string? CardLast4 { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>How they like to be addressed ("Mr Rossi"): the preferred form, not a sentence.</summary>
    public required string Greeting { get; init; }

    public IReadOnlyList<string> PinnedNotes { get; init; } = [];

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DatedNote> RecentNotes { get; init; } = [];

    /// <summary>Top item descriptions from their receipts, most bought first.</summary>
    public IReadOnlyList<string> UsuallyBuys { get; init; } = [];

    /// <summary>The visit before this one; null for a first visit.</summary>
    public DateTimeOffset? LastVisit { get; init; }

    public int Visits { get; init; }

    public long Points { get; init; }

    public TierStanding? Tier { get; init; }

    public IReadOnlyList<StampCardProgress> StampCards { get; init; } = [];

    public IReadOnlyList<ReadyCoupon> Coupons { get; init; } = [];

    public IReadOnlyList<CustomerAlert> Alerts { get; init; } = [];

    public required DateTimeOffset AsOf { get; init; }

    public SaleOutcome? LastSale { get; init; }
}
