using System.Text;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Maps the ESC t table numbers to .NET encodings. The OEM and Windows pages come from
/// <see cref="CodePagesEncodingProvider"/>; they are taken from the provider instance directly,
/// so this works whether or not the process registered the provider globally.
/// </summary>
public static class EscPosCodePages
{
    /// <summary>The .NET code page number of an ESC/POS character table.</summary>
    public static int GetDotNetCodePage(EscPosCodePage page) => page switch
    {
        EscPosCodePage.Pc437 => 437,
        EscPosCodePage.Pc850 => 850,
        EscPosCodePage.Pc860 => 860,
        EscPosCodePage.Pc863 => 863,
        EscPosCodePage.Pc865 => 865,
        EscPosCodePage.Wpc1252 => 1252,
        EscPosCodePage.Pc866 => 866,
        EscPosCodePage.Pc852 => 852,
        EscPosCodePage.Pc858 => 858,
        _ => throw new ArgumentOutOfRangeException(nameof(page), page, "Not a character table this driver knows."),
    };

    /// <summary>
    /// The encoding for a table. Characters the table lacks become '?', so a name with an
    /// unprintable letter still prints instead of failing the whole coupon.
    /// </summary>
    public static System.Text.Encoding GetEncoding(EscPosCodePage page)
    {
        var codePage = GetDotNetCodePage(page);
        return CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
            ?? throw new InvalidOperationException($"Code page {codePage} is not available from CodePagesEncodingProvider.");
    }
}
