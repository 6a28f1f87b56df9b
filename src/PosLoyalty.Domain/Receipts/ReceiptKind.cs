namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// What a printed document is. Only a <see cref="Sale"/> or a <see cref="Refund"/> is ever credited; every other
/// kind passes through to the printer and earns nothing, whatever amount it prints.
/// </summary>
public enum ReceiptKind
{
    /// <summary>A paid sale receipt.</summary>
    Sale,

    /// <summary>A refund, return or void: it reverses what its sale earned.</summary>
    Refund,

    /// <summary>A kitchen, bar or production ticket.</summary>
    Kitchen,

    /// <summary>An X/Z, end-of-day, shift or other report.</summary>
    Report,

    /// <summary>An order slip, pre-bill or table bill that is not yet paid.</summary>
    Order,

    /// <summary>A printer or library test page.</summary>
    Test,

    /// <summary>A tip or gratuity slip.</summary>
    Tip,

    /// <summary>A voucher, gift card or coupon print.</summary>
    Voucher,

    /// <summary>Anything else: a header, a slip with no total.</summary>
    Other,
}
