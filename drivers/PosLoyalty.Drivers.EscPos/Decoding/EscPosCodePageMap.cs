namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>Maps the n of a code-page command to a Windows/IBM code page number.</summary>
internal static class EscPosCodePageMap
{
    /// <summary>
    /// ESC t n. Epson ESC/POS Command Reference, ESC t "Select character code table"; pages .NET does
    /// not carry (PC851, PC853, Thai 11–18, TCVN-3, PC1098 …) fall back to the start-up page.
    /// </summary>
    public static int FromEscT(int n, int fallback) => n switch
    {
        0 => 437,
        1 => CharacterTables.Katakana,
        2 => 850,
        3 => 860,
        4 => 863,
        5 => 865,
        13 => 857,
        14 => 737,
        15 => 28597,   // ISO 8859-7
        16 => 1252,
        17 => 866,
        18 => 852,
        19 => 858,
        20 or 21 or 22 or 23 or 24 or 25 or 26 => 874, // Thai pages: nearest .NET page
        32 => 720,
        33 => 775,
        34 => 855,
        35 => 861,
        36 => 862,
        37 => 864,
        38 => 869,
        39 => 28592,   // ISO 8859-2
        40 => 28605,   // ISO 8859-15
        45 => 1250,
        46 => 1251,
        47 => 1253,
        48 => 1254,
        49 => 1255,
        50 => 1256,
        51 => 1257,
        52 => 1258,
        _ => fallback,
    };

    /// <summary>
    /// ESC GS t n. Star Line Mode Command Specifications, ESC GS t "Select code page".
    /// </summary>
    public static int FromStarEscGsT(int n, int fallback) => n switch
    {
        0 or 1 or 3 => 437,
        2 => CharacterTables.Katakana,
        4 => 858,
        5 => 852,
        6 => 860,
        7 => 861,
        8 => 863,
        9 => 865,
        10 => 866,
        11 => 855,
        12 => 857,
        13 => 862,
        14 => 864,
        15 => 737,
        17 => 869,
        21 => 874,
        32 => 1252,
        33 => 1250,
        34 => 1251,
        _ => fallback,
    };
}
