namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The byte after ESC. Epson ESC/POS Command Reference (download4.epson.biz/sec_pubs/pos/reference_en/escpos),
/// one entry per command page; the argument counts are in <see cref="EscPosCommandTable"/>.
/// </summary>
internal enum EscCommandByte : byte
{
    /// <summary>ESC FF "Print data in page mode".</summary>
    PrintPageMode = 0x0C,

    /// <summary>ESC SP n "Set right-side character spacing".</summary>
    RightSideSpacing = 0x20,

    /// <summary>ESC ! n "Select print mode(s)": font, emphasized, double height/width, underline.</summary>
    PrintMode = 0x21,

    /// <summary>ESC $ nL nH "Set absolute print position" in dots.</summary>
    AbsolutePosition = 0x24,

    /// <summary>ESC % n "Select/cancel user-defined character set".</summary>
    UserDefinedSet = 0x25,

    /// <summary>ESC &amp; y c1 c2 [x d1…d(y×x)]k "Define user-defined characters".</summary>
    DefineUserCharacters = 0x26,

    /// <summary>ESC ( A / ESC ( Y pL pH … (beeper, print-control): pL pH parameter bytes follow.</summary>
    ExtendedParameters = 0x28,

    /// <summary>ESC * m nL nH d1…dk "Select bit-image mode": k = n (m = 0, 1) or 3n (m = 32, 33).</summary>
    BitImage = 0x2A,

    /// <summary>ESC - n "Turn underline mode on/off".</summary>
    Underline = 0x2D,

    /// <summary>ESC 2 "Select default line spacing".</summary>
    DefaultLineSpacing = 0x32,

    /// <summary>ESC 3 n "Set line spacing".</summary>
    LineSpacing = 0x33,

    /// <summary>ESC &lt; "Return home" (obsolete).</summary>
    ReturnHome = 0x3C,

    /// <summary>ESC = n "Select peripheral device".</summary>
    PeripheralDevice = 0x3D,

    /// <summary>ESC ? n "Cancel user-defined characters".</summary>
    CancelUserCharacter = 0x3F,

    /// <summary>ESC @ "Initialize printer".</summary>
    Initialize = 0x40,

    /// <summary>ESC D n1…nk NUL "Set horizontal tab positions".</summary>
    TabPositions = 0x44,

    /// <summary>ESC E n "Turn emphasized mode on/off".</summary>
    Emphasized = 0x45,

    /// <summary>ESC G n "Turn double-strike mode on/off".</summary>
    DoubleStrike = 0x47,

    /// <summary>ESC J n "Print and feed paper".</summary>
    PrintAndFeed = 0x4A,

    /// <summary>ESC K n "Print and reverse feed".</summary>
    PrintAndReverseFeed = 0x4B,

    /// <summary>ESC L "Select page mode".</summary>
    PageMode = 0x4C,

    /// <summary>ESC M n "Select character font".</summary>
    Font = 0x4D,

    /// <summary>ESC R n "Select an international character set".</summary>
    InternationalCharacterSet = 0x52,

    /// <summary>ESC S "Select standard mode".</summary>
    StandardMode = 0x53,

    /// <summary>ESC T n "Select print direction in page mode".</summary>
    PageDirection = 0x54,

    /// <summary>ESC U n "Turn unidirectional print mode on/off".</summary>
    Unidirectional = 0x55,

    /// <summary>ESC V n "Turn 90° clockwise rotation mode on/off".</summary>
    Rotation = 0x56,

    /// <summary>ESC W xL xH yL yH dxL dxH dyL dyH "Set print area in page mode".</summary>
    PageArea = 0x57,

    /// <summary>ESC \ nL nH "Set relative print position" (signed, in dots).</summary>
    RelativePosition = 0x5C,

    /// <summary>ESC a n "Select justification".</summary>
    Justification = 0x61,

    /// <summary>ESC c 3 n / ESC c 4 n / ESC c 5 n "Select paper sensor(s)… / enable panel buttons".</summary>
    PanelAndSensors = 0x63,

    /// <summary>ESC d n "Print and feed n lines".</summary>
    PrintAndFeedLines = 0x64,

    /// <summary>ESC e n "Print and reverse feed n lines".</summary>
    PrintAndReverseFeedLines = 0x65,

    /// <summary>ESC i "Partial cut (one point left uncut)" (obsolete).</summary>
    PartialCutOnePoint = 0x69,

    /// <summary>ESC m "Partial cut (three points left uncut)" (obsolete).</summary>
    PartialCutThreePoints = 0x6D,

    /// <summary>ESC p m t1 t2 "Generate pulse" (cash drawer).</summary>
    Pulse = 0x70,

    /// <summary>ESC r n "Select print color".</summary>
    PrintColor = 0x72,

    /// <summary>ESC t n "Select character code table".</summary>
    CodeTable = 0x74,

    /// <summary>ESC u n "Transmit peripheral device status" (obsolete).</summary>
    PeripheralStatus = 0x75,

    /// <summary>ESC v "Transmit paper sensor status" (obsolete).</summary>
    PaperSensorStatus = 0x76,

    /// <summary>ESC { n "Turn upside-down print mode on/off".</summary>
    UpsideDown = 0x7B,
}
