namespace PosLoyalty.Domain.Receipts;

/// <summary>How an amount's '.' and ',' are read.</summary>
public enum DecimalSeparatorRule
{
    /// <summary>
    /// From the amount itself: the last of '.' or ',' followed by one or two digits is the decimal point; a single
    /// separator followed by three digits groups thousands (1,234 = 1.234 = 1234). Spaces, no-break spaces and
    /// apostrophes always group thousands.
    /// </summary>
    Auto,

    /// <summary>'.' is the decimal point; ',' always groups thousands.</summary>
    Point,

    /// <summary>',' is the decimal point; '.' always groups thousands.</summary>
    Comma,
}
