namespace PosLoyalty.Storage.Sales;

/// <summary>What <see cref="PendingSales.Hold"/> did with a receipt.</summary>
public enum PendingHoldResult
{
    /// <summary>Stored as pending, with its audit row.</summary>
    Held,

    /// <summary>The same (till, receipt) is pending already: a replay holds nothing twice.</summary>
    AlreadyPending,

    /// <summary>The same (till, receipt) was confirmed or dropped before: nothing changes.</summary>
    AlreadyDecided,

    /// <summary>The sale at (till, receipt) is recorded already (credited or unclaimed): nothing changes.</summary>
    AlreadyRecorded,
}
