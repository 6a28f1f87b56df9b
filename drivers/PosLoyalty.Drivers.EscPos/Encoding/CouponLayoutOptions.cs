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

    /// <summary>
    /// True (the default) for a coupon on its own slip: it starts with ESC @ and ends with a cut. False for a
    /// coupon injected at the end of someone else's receipt, before that receipt's own cut: no ESC @ (it
    /// would reset the POS's settings mid-receipt) and no cut of its own.
    /// </summary>
    public bool StandAlone { get; init; } = true;
}
