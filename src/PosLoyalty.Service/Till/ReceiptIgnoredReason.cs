namespace PosLoyalty.Service.Till;

/// <summary>Why a receipt earned nothing.</summary>
public enum ReceiptIgnoredReason
{
    /// <summary>The same (till, receipt number) was recorded before: a replay, a retry, a reprint without a copy mark.</summary>
    SeenBefore,

    /// <summary>Marked as a copy or reprint.</summary>
    Copy,

    /// <summary>A refund or void of a sale that was never recorded here.</summary>
    UnknownSale,

    /// <summary>Not a sale: an X/Z report, a kitchen or bar ticket, an order slip or pre-bill, a test page, a tip slip, a voucher.</summary>
    NotASale,
}
