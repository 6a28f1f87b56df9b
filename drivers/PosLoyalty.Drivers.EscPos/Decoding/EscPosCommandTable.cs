namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// For each ESC/POS command byte, the number of argument bytes the decoder reads before acting on the
/// command. For a fixed-length command that is all of it; for a variable one (images, barcodes, pL pH blocks)
/// it is the header from which the decoder computes the rest. Unknown command bytes read none.
/// Counts from the Epson ESC/POS Command Reference, one page per command.
/// </summary>
internal static class EscPosCommandTable
{
    /// <summary>The argument count of ESC x, or -1 when x is not a command the table knows.</summary>
    public static int EscArguments(byte command) => (EscCommandByte)command switch
    {
        EscCommandByte.PrintPageMode => 0,
        EscCommandByte.RightSideSpacing => 1,
        EscCommandByte.PrintMode => 1,
        EscCommandByte.AbsolutePosition => 2,
        EscCommandByte.UserDefinedSet => 1,
        EscCommandByte.DefineUserCharacters => 3,   // y c1 c2, then per character: x and y×x bytes
        EscCommandByte.ExtendedParameters => 3,     // fn pL pH, then pL + pH×256 bytes
        EscCommandByte.BitImage => 3,               // m nL nH, then n or 3n bytes
        EscCommandByte.Underline => 1,
        EscCommandByte.DefaultLineSpacing => 0,
        EscCommandByte.LineSpacing => 1,
        EscCommandByte.ReturnHome => 0,
        EscCommandByte.PeripheralDevice => 1,
        EscCommandByte.CancelUserCharacter => 1,
        EscCommandByte.Initialize => 0,
        EscCommandByte.TabPositions => 0,           // then n1…nk NUL, read by the tab-stop state
        EscCommandByte.Emphasized => 1,
        EscCommandByte.DoubleStrike => 1,
        EscCommandByte.PrintAndFeed => 1,
        EscCommandByte.PrintAndReverseFeed => 1,
        EscCommandByte.PageMode => 0,
        EscCommandByte.Font => 1,
        EscCommandByte.InternationalCharacterSet => 1,
        EscCommandByte.StandardMode => 0,
        EscCommandByte.PageDirection => 1,
        EscCommandByte.Unidirectional => 1,
        EscCommandByte.Rotation => 1,
        EscCommandByte.PageArea => 8,
        EscCommandByte.RelativePosition => 2,
        EscCommandByte.Justification => 1,
        EscCommandByte.PanelAndSensors => 2,
        EscCommandByte.PrintAndFeedLines => 1,
        EscCommandByte.PrintAndReverseFeedLines => 1,
        EscCommandByte.PartialCutOnePoint => 0,
        EscCommandByte.PartialCutThreePoints => 0,
        EscCommandByte.Pulse => 3,
        EscCommandByte.PrintColor => 1,
        EscCommandByte.CodeTable => 1,
        EscCommandByte.PeripheralStatus => 1,
        EscCommandByte.PaperSensorStatus => 0,
        EscCommandByte.UpsideDown => 1,
        _ => -1,
    };

    /// <summary>The argument count of GS x, or -1 when x is not a command the table knows.</summary>
    public static int GsArguments(byte command) => (GsCommandByte)command switch
    {
        GsCommandByte.CharacterSize => 1,
        GsCommandByte.AbsoluteVerticalPosition => 2,
        GsCommandByte.ExtendedParameters => 3,      // fn pL pH, then pL + pH×256 bytes
        GsCommandByte.DefineDownloadedImage => 2,   // x y, then x×y×8 bytes
        GsCommandByte.PrintDownloadedImage => 1,
        GsCommandByte.ExtendedGraphics => 5,        // L p1 p2 p3 p4, then p1 + p2×2^8 + p3×2^16 + p4×2^24 bytes
        GsCommandByte.Macro => 0,
        GsCommandByte.Reverse => 1,
        GsCommandByte.Counter => 1,                 // sub-function, then 2, 6 or a ';'-separated list
        GsCommandByte.WindowsBitmap => 2,           // 0 fn, then 5 parameters and a BMP file
        GsCommandByte.HeadControl => 1,
        GsCommandByte.HriPosition => 1,
        GsCommandByte.PrinterId => 1,
        GsCommandByte.LeftMargin => 2,
        GsCommandByte.MotionUnits => 2,
        GsCommandByte.VariableBitImage => 6,        // 0 m xL xH yL yH, then x×y bytes
        GsCommandByte.BeginningOfLine => 1,
        GsCommandByte.Cut => 1,                     // m, and n when m is 65, 66, 97, 98, 103 or 104
        GsCommandByte.PrintAreaWidth => 2,
        GsCommandByte.RelativeVerticalPosition => 2,
        GsCommandByte.ExecuteMacro => 3,
        GsCommandByte.AutomaticStatusBack => 1,
        GsCommandByte.Smoothing => 1,
        GsCommandByte.PrintCounter => 0,
        GsCommandByte.HriFont => 1,
        GsCommandByte.MaintenanceCounter => 4,
        GsCommandByte.BarcodeHeight => 1,
        GsCommandByte.InkStatusBack => 1,
        GsCommandByte.Barcode => 1,                 // m, then NUL-terminated data (m ≤ 6) or n and n bytes (m ≥ 65)
        GsCommandByte.TransmitStatus => 1,
        GsCommandByte.RasterImage => 6,             // 0 m xL xH yL yH, then x×y bytes
        GsCommandByte.BarcodeWidth => 1,
        GsCommandByte.OnlineRecoveryWait => 3,
        _ => -1,
    };

    /// <summary>The argument count of FS x, or -1 when x is not a command the table knows.</summary>
    public static int FsArguments(byte command) => (FsCommandByte)command switch
    {
        FsCommandByte.KanjiPrintMode => 1,
        FsCommandByte.KanjiModeOn => 0,
        FsCommandByte.ExtendedParameters => 3,      // fn pL pH, then pL + pH×256 bytes
        FsCommandByte.KanjiUnderline => 1,
        FsCommandByte.KanjiModeOff => 0,
        FsCommandByte.DefineUserKanji => 2,         // c1 c2, then 72 bytes
        FsCommandByte.CancelUserKanji => 2,
        FsCommandByte.KanjiCodeSystem => 1,
        FsCommandByte.KanjiSpacing => 2,
        FsCommandByte.KanjiQuadruple => 1,
        FsCommandByte.NvUserMemory => 8,            // fn m a1 a2 a3 a4 nL nH, then (fn = 1) nL + nH×256 bytes
        FsCommandByte.PrintNvImage => 2,
        FsCommandByte.DefineNvImage => 1,           // n, then n × (xL xH yL yH and x×y×8 bytes)
        _ => -1,
    };

    /// <summary>The argument count of DLE x: only the real-time commands; -1 for anything else.</summary>
    public static int DleArguments(byte command) => (DleCommandByte)command switch
    {
        DleCommandByte.TransmitStatus => 1,
        DleCommandByte.RealTimeRequest => 1,
        DleCommandByte.RealTimeFunction => 1,       // fn, then its parameters
        _ => -1,
    };

    /// <summary>Parameters after DLE DC4 fn. Epson ESC/POS Command Reference, DLE DC4 (fn = 1, 2, 3, 7, 8).</summary>
    public static int RealTimeFunctionParameters(byte fn) => fn switch
    {
        1 => 2,   // m t: generate pulse
        2 => 2,   // a b: power-off sequence
        3 => 5,   // a n r t1 t2: sound buzzer
        7 => 1,   // m: transmit specified status
        8 => 7,   // d1…d7: clear buffer(s)
        _ => 0,
    };
}
