namespace PosLoyalty.Domain.Receipts;

/// <summary>A profile learned from a POS's receipts, and what was learned, one short phrase each ("decimal comma (12 amounts …)").</summary>
public sealed record LearnedReceiptProfile(ReceiptProfile Profile, IReadOnlyList<string> Findings);
