namespace PosLoyalty.Storage.Sales;

/// <summary>Where a sale held for the cashier stands.</summary>
public enum PendingSaleState
{
    /// <summary>Waiting: nothing is credited yet.</summary>
    Pending,

    /// <summary>The cashier (or store IT) confirmed it: credited once, through the sale recording path.</summary>
    Confirmed,

    /// <summary>Dropped: never credited; a replay of the receipt stays dropped.</summary>
    Dropped,
}
