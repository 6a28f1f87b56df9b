namespace PosLoyalty.Domain.Rules;

/// <summary>What a sale's stamps do to one card: how many cards they fill, the stamps those coupons consume, the sum left.</summary>
/// <param name="CardsFilled">Coupons to issue; 0 or more.</param>
/// <param name="StampsConsumed">CardsFilled × the card's boxes: the ledger's consumption rows.</param>
/// <param name="SumAfter">The ledger's sum after the sale: below zero while a debt remains.</param>
public sealed record StampFill(int CardsFilled, int StampsConsumed, int SumAfter)
{
    public int StampsAfter => StampLedger.Stamps(SumAfter);

    public int OwedAfter => StampLedger.Owed(SumAfter);
}
