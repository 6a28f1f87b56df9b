namespace PosLoyalty.Domain.Rules;

/// <summary>The stamps a filled card's coupon consumes: the card's boxes, off the ledger of card <paramref name="ProgramId"/>.</summary>
public sealed record StampConsumption(string ProgramId, int Stamps);
