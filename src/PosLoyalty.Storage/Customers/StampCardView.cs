using PosLoyalty.Domain.Rules;

namespace PosLoyalty.Storage.Customers;

/// <summary>
/// One stamp card as the counter shows it: 7 of 10, or in debt (<paramref name="Owed"/> stamps owed, <paramref name="Count"/> 0)
/// when two tills filled the same card while apart. Never a negative count.
/// </summary>
public sealed record StampCardView(string Program, string Name, int Count, int Target, string Reward, int Owed)
{
    /// <summary>The card from its ledger sum (all tills' rows).</summary>
    public static StampCardView For(StampCardRule card, int ledgerSum)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new StampCardView(card.Id, card.Name, StampLedger.Stamps(ledgerSum), card.Boxes, card.Reward.Description, StampLedger.Owed(ledgerSum));
    }
}
