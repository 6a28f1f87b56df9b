namespace PosLoyalty.Domain.Rules;

/// <summary>
/// A stamp card is the sum of its ledger rows over every till: stamps earned (+), filled cards' coupons (−). Two
/// tills that fill the same card while apart both consume its stamps, so the sum can fall below zero: that is a debt
/// the customer's next stamps fill first. Pure arithmetic, so each till reaches the same answer from the same rows.
/// </summary>
public static class StampLedger
{
    /// <summary>What <paramref name="earned"/> new stamps do to a card whose ledger sums to <paramref name="sumBefore"/>.</summary>
    public static StampFill Fill(int sumBefore, int earned, int boxes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(boxes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(earned);
        var total = (long)sumBefore + earned;

        // Integer division rounds towards zero, so a sum still in debt fills no card: never a negative number of them.
        var cards = total >= boxes ? (int)(total / boxes) : 0;
        return new StampFill(cards, cards * boxes, (int)(total - ((long)cards * boxes)));
    }

    /// <summary>The stamps on the card: the sum, or none while it is in debt.</summary>
    public static int Stamps(int sum) => Math.Max(0, sum);

    /// <summary>The stamps owed: how far the sum is below zero.</summary>
    public static int Owed(int sum) => sum < 0 ? -sum : 0;
}
