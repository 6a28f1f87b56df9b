namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Character code tables selectable with ESC t n; the value is n.
/// Epson ESC/POS Command Reference, ESC t "Select character code table".
/// </summary>
public enum EscPosCodePage
{
    /// <summary>Page 0, PC437 (USA, Standard Europe) — .NET code page 437.</summary>
    Pc437 = 0,

    /// <summary>Page 2, PC850 (Multilingual) — .NET code page 850.</summary>
    Pc850 = 2,

    /// <summary>Page 3, PC860 (Portuguese) — .NET code page 860.</summary>
    Pc860 = 3,

    /// <summary>Page 4, PC863 (Canadian-French) — .NET code page 863.</summary>
    Pc863 = 4,

    /// <summary>Page 5, PC865 (Nordic) — .NET code page 865.</summary>
    Pc865 = 5,

    /// <summary>Page 16, WPC1252 (Windows Latin-1, € at 0x80) — .NET code page 1252.</summary>
    Wpc1252 = 16,

    /// <summary>Page 17, PC866 (Cyrillic #2) — .NET code page 866.</summary>
    Pc866 = 17,

    /// <summary>Page 18, PC852 (Latin 2) — .NET code page 852.</summary>
    Pc852 = 18,

    /// <summary>Page 19, PC858 (PC850 with € at 0xD5) — .NET code page 858.</summary>
    Pc858 = 19,
}
