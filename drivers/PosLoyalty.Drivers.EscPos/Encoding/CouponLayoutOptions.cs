namespace PosLoyalty.Drivers.EscPos;

/// <summary>How coupons are laid out for one printer.</summary>
public sealed record CouponLayoutOptions
{
    /// <summary>Characters per line in the normal font: 32 (58 mm), 42 or 48 (80 mm).</summary>
    public int PaperWidthInCharacters { get; init; } = 42;

    /// <summary>Character table for the text.</summary>
    public EscPosCodePage CodePage { get; init; } = EscPosCodePage.Pc858;

    /// <summary>Words before the expiry date.</summary>
    public string ExpiryLabel { get; init; } = "Valid until";

    /// <summary>How the expiry date is written (invariant culture).</summary>
    public string ExpiryFormat { get; init; } = "yyyy-MM-dd";

    /// <summary>Most lines of terms printed; longer terms end in "...". Keeps a coupon under 1 KB.</summary>
    public int MaxTermsLines { get; init; } = 6;

    /// <summary>Lines fed before the cut, so the terms clear the cutter.</summary>
    public int FeedLinesBeforeCut { get; init; } = 4;
}
