namespace PosLoyalty.Domain.Rules;

/// <summary>What a sale did to one stamp card: stamps added, cards filled, the ledger's sum after (below zero: stamps owed).</summary>
public sealed record StampChange(string ProgramId, int Added, int CardsCompleted, int CountAfter, int Boxes);
