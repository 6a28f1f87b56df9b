using System.Globalization;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Lays out a reward coupon with native printer commands only — text, CODE128 (GS k) and QR
/// (GS ( k), no raster images — so a coupon stays well under 1 KB and prints at line speed on
/// a 9600-baud serial link. Each text field has a line limit, which keeps the size bounded
/// whatever is configured.
/// </summary>
public sealed class CouponLayout
{
    /// <summary>Longest coupon code accepted: a code is never shortened, so it is refused instead.</summary>
    public const int MaxCodeLength = 32;

    private const int DotsPerCharacter = 12; // Font A is 12 × 24 dots (ESC/POS Command Reference, ESC M).
    private const int ShopNameMaxLines = 2;
    private const int GreetingMaxLines = 2;
    private const int RewardMaxLines = 3;
    private const int BarcodeHeightDots = 64;

    private readonly CouponLayoutOptions _options;

    /// <summary>A layout for one paper width and character table.</summary>
    public CouponLayout(CouponLayoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PaperWidthInCharacters is < 24 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PaperWidthInCharacters, "PaperWidthInCharacters must be 24–64 (32, 42 and 48 are the usual widths).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTermsLines, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.FeedLinesBeforeCut, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.FeedLinesBeforeCut, 255, nameof(options));
        ArgumentNullException.ThrowIfNull(options.ExpiryLabel, nameof(options));
        _ = EscPosCodePages.GetEncoding(options.CodePage); // fails early on an unknown table
        _options = options;
    }

    /// <summary>
    /// The coupon's bytes: initialise, shop name, greeting, reward, code as CODE128 (when it fits
    /// the paper), QR and text, expiry date, terms, feed and a partial cut. Without
    /// <see cref="CouponLayoutOptions.StandAlone"/>: no initialise and no cut (the receipt's own cut follows).
    /// </summary>
    /// <exception cref="ArgumentException">The code is empty, too long or not printable ASCII.</exception>
    public byte[] Render(CouponContent coupon)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        var code = ValidateCode(coupon.CouponCode);
        var columns = _options.PaperWidthInCharacters;
        var encoder = new EscPosEncoder();
        if (_options.StandAlone)
        {
            encoder.Initialize();
        }

        encoder.CodePage(_options.CodePage)
            .Align(TextAlignment.Center);

        encoder.Bold(true).Size(2, 2);
        Lines(encoder, coupon.ShopName, columns / 2, ShopNameMaxLines);
        encoder.NormalSize().Bold(false);

        Lines(encoder, coupon.Greeting, columns, GreetingMaxLines);
        encoder.NewLine();

        encoder.Bold(true).Size(2, 2);
        Lines(encoder, coupon.RewardText, columns / 2, RewardMaxLines);
        encoder.NormalSize().Bold(false).NewLine();

        var code128 = Code128Data.Encode(code);
        var moduleWidth = FittingModuleWidth(Code128Data.ModuleCount(code128), columns * DotsPerCharacter);
        if (moduleWidth is { } width)
        {
            encoder.BarcodeHeight(BarcodeHeightDots)
                .BarcodeModuleWidth(width)
                .BarcodeText(HriPosition.None)
                .Code128(code)
                .NewLine();
        }

        encoder.QrCode(code, moduleSize: columns <= 32 ? 5 : 6, QrErrorCorrection.Medium);

        encoder.Bold(true);
        if (code.Length * 2 <= columns)
        {
            encoder.Size(2, 1).Line(code).NormalSize();
        }
        else
        {
            encoder.Line(code);
        }

        encoder.Bold(false)
            .Line(string.Create(CultureInfo.InvariantCulture, $"{_options.ExpiryLabel} {coupon.ExpiresOn.ToString(_options.ExpiryFormat, CultureInfo.InvariantCulture)}"))
            .NewLine()
            .Align(TextAlignment.Left);
        Lines(encoder, coupon.Terms, columns, _options.MaxTermsLines);

        encoder.Feed(_options.FeedLinesBeforeCut);
        return _options.StandAlone ? encoder.Cut(CutMode.Partial).ToArray() : encoder.ToArray();
    }

    private static string ValidateCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code, nameof(CouponContent.CouponCode));
        if (code.Length > MaxCodeLength || code.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new ArgumentException($"Coupon code \"{code}\" must be 1–{MaxCodeLength} printable ASCII characters without spaces.", nameof(CouponContent.CouponCode));
        }

        return code;
    }

    /// <summary>The widest module (3 or 2 dots) at which the symbol fits the print width, if any.</summary>
    private static int? FittingModuleWidth(int modules, int printableDots)
    {
        for (var width = 3; width >= 2; width--)
        {
            if (modules * width <= printableDots)
            {
                return width;
            }
        }

        return null;
    }

    private static void Lines(EscPosEncoder encoder, string? text, int width, int maxLines)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        foreach (var line in TextWrapper.Wrap(text, width, maxLines))
        {
            encoder.Line(line);
        }
    }
}
