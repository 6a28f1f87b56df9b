namespace PosLoyalty.Domain.Sales;

/// <summary>What a completed receipt or POS event asks the till to do.</summary>
public enum TillReceiptKind
{
    /// <summary>A sale: it earns, for the active customer or, unclaimed, for a late scan.</summary>
    Sale,

    /// <summary>A refund of the sale with the same receipt number: what that sale earned is reversed.</summary>
    Refund,

    /// <summary>The sale with the same receipt number was voided at the POS: reversed like a refund.</summary>
    Void,
}
