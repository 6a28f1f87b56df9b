namespace PosLoyalty.Domain.Rules;

public enum StampEarning
{
    /// <summary>One stamp for any visit with a purchase.</summary>
    PerVisit,

    /// <summary>
    /// One stamp per qualifying item when the sale lists its items; one per visit with a purchase
    /// when it does not (a till without item detail still fills the card).
    /// </summary>
    PerQualifyingItem,
}
