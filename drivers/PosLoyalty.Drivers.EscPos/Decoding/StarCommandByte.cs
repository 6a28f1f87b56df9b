namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The byte after ESC in Star Line Mode. Star Micronics "STAR Line Mode Command Specifications"
/// (chapter 3, one page per command); the argument counts are in <see cref="StarLineModeDecoder"/>.
/// </summary>
internal enum StarCommandByte : byte
{
    /// <summary>ESC BEL n1 n2 "Set external device 1 drive pulse width".</summary>
    DrivePulse = 0x07,

    /// <summary>ESC SO "Set double-tall characters".</summary>
    DoubleHeightOn = 0x0E,

    /// <summary>ESC DC4 "Cancel double-tall characters".</summary>
    DoubleHeightOff = 0x14,

    /// <summary>ESC FS … (ESC FS p n m "Print NV logo").</summary>
    LogoPrefix = 0x1C,

    /// <summary>ESC GS … (code page, alignment, position, raster, QR, PDF417).</summary>
    GsPrefix = 0x1D,

    /// <summary>ESC RS x n (font, ASB and other settings with one parameter).</summary>
    RsPrefix = 0x1E,

    /// <summary>ESC SP n "Set right character spacing".</summary>
    CharacterSpacing = 0x20,

    /// <summary>ESC &amp; NUL n1 n2 "Register download characters" (parameters only are skipped).</summary>
    DownloadCharacter = 0x26,

    /// <summary>ESC * r … raster mode commands.</summary>
    RasterPrefix = 0x2A,

    /// <summary>ESC - n "Set/cancel underline mode".</summary>
    Underline = 0x2D,

    /// <summary>ESC / n "Select slash zero".</summary>
    SlashZero = 0x2F,

    /// <summary>ESC 0 "Set line feed 3 mm".</summary>
    LineFeedThreeMillimetres = 0x30,

    /// <summary>ESC 4 "Set highlight (inverse) mode".</summary>
    HighlightOn = 0x34,

    /// <summary>ESC 5 "Cancel highlight mode".</summary>
    HighlightOff = 0x35,

    /// <summary>ESC : "Select 16-dot pitch".</summary>
    Pitch16 = 0x3A,

    /// <summary>ESC @ "Initialize printer".</summary>
    Initialize = 0x40,

    /// <summary>ESC B n1…nk NUL "Set vertical tab positions".</summary>
    VerticalTabs = 0x42,

    /// <summary>ESC C n / ESC C NUL n "Set page length".</summary>
    PageLength = 0x43,

    /// <summary>ESC D n1…nk NUL "Set horizontal tab positions".</summary>
    TabPositions = 0x44,

    /// <summary>ESC E "Select emphasized printing".</summary>
    EmphasizedOn = 0x45,

    /// <summary>ESC F "Cancel emphasized printing".</summary>
    EmphasizedOff = 0x46,

    /// <summary>ESC I n "Feed paper n/4 mm" (prints the line).</summary>
    FeedQuarterMillimetres = 0x49,

    /// <summary>ESC J n "Feed paper n/4 mm" (prints the line).</summary>
    Feed = 0x4A,

    /// <summary>ESC K n NUL d1…dn "Print normal-density graphics".</summary>
    NormalDensityGraphics = 0x4B,

    /// <summary>ESC L n1 n2 d1…dk "Print high-density graphics": k = n1 + n2×256.</summary>
    HighDensityGraphics = 0x4C,

    /// <summary>ESC X n1 n2 d1…dk: 24-dot bit image, k = (n1 + n2 × 256) × 3 (StarPRNT command manual, "Bit image").</summary>
    BitImage24Dot = 0x58,

    /// <summary>ESC M "Select 12-dot pitch".</summary>
    Pitch12 = 0x4D,

    /// <summary>ESC N n "Set bottom margin".</summary>
    BottomMargin = 0x4E,

    /// <summary>ESC O "Cancel bottom margin".</summary>
    CancelBottomMargin = 0x4F,

    /// <summary>ESC P "Select 15-dot pitch".</summary>
    Pitch15 = 0x50,

    /// <summary>ESC Q n "Set right margin".</summary>
    RightMargin = 0x51,

    /// <summary>ESC R n "Select international character set".</summary>
    InternationalCharacterSet = 0x52,

    /// <summary>ESC W n "Set character width expansion" (n + 1).</summary>
    WidthExpansion = 0x57,

    /// <summary>ESC _ n "Set/cancel upper-line mode".</summary>
    Overline = 0x5F,

    /// <summary>ESC a n "Feed paper n lines" (prints the line).</summary>
    FeedLines = 0x61,

    /// <summary>ESC b n1 n2 n3 n4 d1…dk RS "Print barcode".</summary>
    Barcode = 0x62,

    /// <summary>ESC d n "Cut" (0 full, 1 partial, 2 full after feed, 3 partial after feed).</summary>
    Cut = 0x64,

    /// <summary>ESC h n "Set character height expansion" (n + 1).</summary>
    HeightExpansion = 0x68,

    /// <summary>ESC i n1 n2 "Set character expansion": height n1 + 1, width n2 + 1.</summary>
    Expansion = 0x69,

    /// <summary>ESC l n "Set left margin".</summary>
    LeftMargin = 0x6C,

    /// <summary>ESC p "Select 14-dot pitch".</summary>
    Pitch14 = 0x70,

    /// <summary>ESC t n "Select character table (normal/graphics)".</summary>
    CharacterTable = 0x74,

    /// <summary>ESC z n "Set line feed amount".</summary>
    LineFeedAmount = 0x7A,
}
