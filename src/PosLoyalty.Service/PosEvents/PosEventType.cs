namespace PosLoyalty.Service.PosEvents;

/// <summary>The <c>type</c> of a POS event line (docs/pos-protocol.md).</summary>
public enum PosEventType
{
    /// <summary>"sale": a completed sale; it earns for the customer at the counter, or is kept unclaimed.</summary>
    Sale,

    /// <summary>"refund": the sale with the same receipt number was refunded; what it earned is reversed.</summary>
    Refund,

    /// <summary>"void": the sale with the same receipt number was voided at the POS; reversed like a refund.</summary>
    Void,
}
