namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The byte after FS. Epson ESC/POS Command Reference, "Kanji/multilingual" and "NV graphics" pages;
/// the argument counts are in <see cref="EscPosCommandTable"/>.
/// </summary>
internal enum FsCommandByte : byte
{
    /// <summary>FS ! n "Select print mode(s) for Kanji characters".</summary>
    KanjiPrintMode = 0x21,

    /// <summary>FS &amp; "Select Kanji character mode": double-byte characters follow.</summary>
    KanjiModeOn = 0x26,

    /// <summary>FS ( fn pL pH … (FS ( A, C, E, L, e …): pL pH bytes follow.</summary>
    ExtendedParameters = 0x28,

    /// <summary>FS - n "Turn underline mode on/off for Kanji characters".</summary>
    KanjiUnderline = 0x2D,

    /// <summary>FS . "Cancel Kanji character mode".</summary>
    KanjiModeOff = 0x2E,

    /// <summary>FS 2 c1 c2 d1…dk "Define user-defined Kanji characters": k = 72.</summary>
    DefineUserKanji = 0x32,

    /// <summary>FS ? c1 c2 "Cancel user-defined Kanji characters".</summary>
    CancelUserKanji = 0x3F,

    /// <summary>FS C n "Select Kanji character code system".</summary>
    KanjiCodeSystem = 0x43,

    /// <summary>FS S n1 n2 "Set Kanji character spacing".</summary>
    KanjiSpacing = 0x53,

    /// <summary>FS W n "Turn quadruple-size mode on/off for Kanji characters".</summary>
    KanjiQuadruple = 0x57,

    /// <summary>FS g 1 m a1 a2 a3 a4 nL nH d1…dk / FS g 2 … "Write to / read from NV user memory".</summary>
    NvUserMemory = 0x67,

    /// <summary>FS p n m "Print NV bit image" (obsolete).</summary>
    PrintNvImage = 0x70,

    /// <summary>FS q n [xL xH yL yH d1…dk]1…n "Define NV bit image" (obsolete): k = x × y × 8.</summary>
    DefineNvImage = 0x71,
}
