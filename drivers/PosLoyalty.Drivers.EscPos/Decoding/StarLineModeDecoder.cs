namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// Streaming decoder for Star Line Mode, the native command set of Star receipt printers (docs/architecture.md, "Device facts":
/// "Star printers speak Star Line / StarPRNT, not ESC/POS; cuts are ESC d n"). Same contract as
/// <see cref="EscPosDecoder"/>: chunks in, receipts out at each cut; graphics (ESC K, ESC L, ESC GS S,
/// raster mode) and barcode data are skipped by counting and never read as text.
/// </summary>
/// <remarks>
/// Command lengths follow Star Micronics "STAR Line Mode Command Specifications". Unknown commands are
/// skipped as ESC plus one byte. Not thread-safe: one decoder per stream.
/// </remarks>
public sealed class StarLineModeDecoder : StreamingReceiptDecoder
{
    private const int Esc = 0x1B00;
    private const int EscGs = 0x21D00;
    private const int EscGsQr = 0x31D00;
    private const int EscGsPdf417 = 0x41D00;
    private const int EscFs = 0x51C00;
    private const int RasterLine = 0x60000;

    private readonly CommandArguments _arguments = new();

    private State _state;
    private int _command;

    // Stream offsets (bytes since construction): where the current chunk starts, and where the command being
    // read began (its ESC). A cut reports the latter (DecodedReceipt.CutStreamOffset).
    private long _commandStreamOffset;

    private bool _payloadIsBarcode;

    private Terminated _terminated;
    private bool _inRaster;

    /// <summary>A decoder with the default options: PC437 at start-up, 12-dot font (80 mm, 48 columns).</summary>
    public StarLineModeDecoder()
        : this(new ReceiptDecoderOptions())
    {
    }

    /// <summary>A decoder for a printer with the given start-up settings and caps.</summary>
    public StarLineModeDecoder(ReceiptDecoderOptions options)
        : base(options)
    {
    }

    private enum State : byte
    {
        Text,
        Escape,
        EscapeGs,
        EscapeFs,
        EscapeStar,
        EscapeStarR,
        Arguments,
        Payload,
        Terminated,
        TabStops,
        Raster,
        RasterEscape,
        RasterFormFeed,
    }

    private enum Terminated : byte
    {
        /// <summary>ESC b … RS: barcode data.</summary>
        Barcode,

        /// <summary>ESC B … NUL and ESC * r x … NUL: parameters to skip.</summary>
        Nul,
    }

    private State Ground => _inRaster ? State.Raster : State.Text;

    /// <inheritdoc />
    public override bool IsInText => _state == State.Text;

    /// <inheritdoc />
    public override long? OpenCommandStreamOffset => _state is State.Escape or State.EscapeGs or State.EscapeFs or State.EscapeStar
        or State.EscapeStarR or State.Arguments or State.RasterEscape or State.RasterFormFeed
        ? _commandStreamOffset
        : null;

    private protected override int Step(ReadOnlySpan<byte> bytes, int i)
    {
        byte b = bytes[i];
        return _state switch
        {
            State.Text => ConsumeText(bytes, i),
            State.Escape => ConsumeEscape(b, i),
            State.EscapeGs => ConsumeEscapeGs(b, i),
            State.EscapeFs => Begin(EscFs | b, b == (byte)'p' ? 2 : 0, i),
            State.EscapeStar => ConsumeEscapeStar(b, i),
            State.EscapeStarR => ConsumeRasterCommand(b, i),
            State.Arguments => ConsumeArguments(bytes, i),
            State.Payload => ConsumePayload(bytes, i),
            State.Terminated => ConsumeTerminated(b, i),
            State.TabStops => ConsumeTabStop(b, i),
            State.Raster => ConsumeRaster(b, i),
            State.RasterEscape => ConsumeRasterEscape(b, i),
            State.RasterFormFeed => ConsumeRasterFormFeed(b, i),
            _ => ToGround(i),
        };
    }

    private protected override void AbandonCommand()
    {
        _state = State.Text;
        _inRaster = false;
    }

    private static int Level(byte n) => n >= (byte)'0' ? n - '0' : n;

    private int ToGround(int i)
    {
        _state = Ground;
        return i;
    }

    private int ConsumeText(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b >= 0x20)
            {
                Assembler.Print(b);
                i++;
                continue;
            }

            i++;
            switch ((ControlByte)b)
            {
                case ControlByte.VerticalTab:
                    Assembler.EndLineIfPending();
                    break;
                case ControlByte.ShiftOut:
                    Assembler.WidthMultiplier = 2;
                    break;
                case ControlByte.DeviceControl4:
                    Assembler.WidthMultiplier = 1;
                    break;
                case ControlByte.Escape:
                    _state = State.Escape;
                    _commandStreamOffset = ChunkStreamOffset + i - 1;
                    return i;
                default:
                    // LF, CR, HT, FF; BEL, FS, SUB, CAN, SI, DC2 …: buzzers, drawers, inversion: nothing printed.
                    Assembler.Control(b);
                    break;
            }
        }

        return i;
    }

    private int ConsumeEscape(byte b, int i)
    {
        switch ((StarCommandByte)b)
        {
            case StarCommandByte.GsPrefix:
                _state = State.EscapeGs;
                return i + 1;
            case StarCommandByte.LogoPrefix:
                _state = State.EscapeFs;
                return i + 1;
            case StarCommandByte.RasterPrefix:
                _state = State.EscapeStar;
                return i + 1;
            case StarCommandByte.TabPositions:
                TabStops.Begin();
                _state = State.TabStops;
                return i + 1;
            case StarCommandByte.VerticalTabs:
                BeginSkipToNul();
                return i + 1;
            default:
                break;
        }

        int arguments = EscArguments(b);
        if (arguments < 0)
        {
            _state = State.Text;
            return b < 0x20 ? i : i + 1;
        }

        return Begin(Esc | b, arguments, i);
    }

    /// <summary>Arguments of ESC x in Star Line Mode, or -1 for an unknown x.</summary>
    private static int EscArguments(byte command) => (StarCommandByte)command switch
    {
        StarCommandByte.DrivePulse => 2,
        StarCommandByte.DoubleHeightOn => 0,
        StarCommandByte.DoubleHeightOff => 0,
        StarCommandByte.RsPrefix => 2,
        StarCommandByte.CharacterSpacing => 1,
        StarCommandByte.DownloadCharacter => 3,
        StarCommandByte.Underline => 1,
        StarCommandByte.SlashZero => 1,
        StarCommandByte.LineFeedThreeMillimetres => 0,
        StarCommandByte.HighlightOn => 0,
        StarCommandByte.HighlightOff => 0,
        StarCommandByte.Pitch16 => 0,
        StarCommandByte.Initialize => 0,
        StarCommandByte.PageLength => 1,
        StarCommandByte.EmphasizedOn => 0,
        StarCommandByte.EmphasizedOff => 0,
        StarCommandByte.FeedQuarterMillimetres => 1,
        StarCommandByte.Feed => 1,
        StarCommandByte.NormalDensityGraphics => 2,
        StarCommandByte.HighDensityGraphics => 2,
        StarCommandByte.BitImage24Dot => 2,
        StarCommandByte.Pitch12 => 0,
        StarCommandByte.BottomMargin => 1,
        StarCommandByte.CancelBottomMargin => 0,
        StarCommandByte.Pitch15 => 0,
        StarCommandByte.RightMargin => 1,
        StarCommandByte.InternationalCharacterSet => 1,
        StarCommandByte.WidthExpansion => 1,
        StarCommandByte.Overline => 1,
        StarCommandByte.FeedLines => 1,
        StarCommandByte.Barcode => 4,
        StarCommandByte.Cut => 1,
        StarCommandByte.HeightExpansion => 1,
        StarCommandByte.Expansion => 2,
        StarCommandByte.LeftMargin => 1,
        StarCommandByte.Pitch14 => 0,
        StarCommandByte.CharacterTable => 1,
        StarCommandByte.LineFeedAmount => 1,
        _ => -1,
    };

    private int ConsumeEscapeGs(byte b, int i)
    {
        // ESC GS t n (code page), a n (alignment), A n1 n2 / R n1 n2 (position), S m xL xH yL yH n (raster image),
        // y … (QR code), x … (PDF417), ETX s n1 n2 (print start/end notification), P n (page mode / flush).
        int arguments = b switch
        {
            (byte)'t' or (byte)'a' or (byte)'y' or (byte)'x' or (byte)'P' => 1,
            (byte)'A' or (byte)'R' => 2,
            (byte)'S' => 6,
            0x03 => 3,
            _ => -1,
        };
        if (arguments < 0)
        {
            _state = State.Text;
            return b < 0x20 ? i : i + 1;
        }

        return Begin(EscGs | b, arguments, i);
    }

    private int ConsumeEscapeStar(byte b, int i)
    {
        // ESC * r x: raster mode commands.
        if (b == (byte)'r')
        {
            _state = State.EscapeStarR;
            return i + 1;
        }

        _state = Ground;
        return b < 0x20 ? i : i + 1;
    }

    private int ConsumeRasterCommand(byte b, int i)
    {
        switch (b)
        {
            case (byte)'A':
                // Enter raster mode: from here on, everything is image data and raster commands.
                _inRaster = true;
                Assembler.EndLineIfPending();
                _state = State.Raster;
                break;
            case (byte)'B':
                _inRaster = false;
                _state = State.Text;
                break;
            case (byte)'C' or (byte)'R':
                _state = Ground;
                break;
            default:
                // ESC * r Q n NUL, ESC * r E n NUL, ESC * r P n NUL …: parameters up to NUL.
                BeginSkipToNul();
                break;
        }

        return i + 1;
    }

    private int ConsumeRaster(byte b, int i)
    {
        switch (b)
        {
            case (byte)'b' or (byte)'k':
                // b n1 n2 d1…dk: one raster line of k = n1 + n2×256 bytes.
                _commandStreamOffset = ChunkStreamOffset + i;
                return Begin(RasterLine, 2, i);
            case (byte)ControlByte.Escape:
                _state = State.RasterEscape;
                _commandStreamOffset = ChunkStreamOffset + i;
                return i + 1;
            default:
                return i + 1;
        }
    }

    private int ConsumeRasterEscape(byte b, int i)
    {
        switch (b)
        {
            case (byte)'*':
                _state = State.EscapeStar;
                return i + 1;
            case (byte)ControlByte.FormFeed:
                _state = State.RasterFormFeed;
                return i + 1;
            default:
                _state = State.Raster;
                return b < 0x20 ? i : i + 1;
        }
    }

    private int ConsumeRasterFormFeed(byte b, int i)
    {
        // ESC FF NUL: form feed; ESC FF EOT: end of document (with the EOT mode's cut).
        if (b == 0x04)
        {
            Assembler.Cut(_commandStreamOffset);
        }

        _state = State.Raster;
        return i + 1;
    }

    private int Begin(int command, int arguments, int i)
    {
        _command = command;
        _arguments.Begin(arguments);
        _state = Ground;
        if (arguments == 0)
        {
            Execute();
        }
        else
        {
            _state = State.Arguments;
        }

        return i + 1;
    }

    private void NeedArguments(int total)
    {
        _arguments.Need(total);
        _state = State.Arguments;
    }

    private int ConsumeArguments(ReadOnlySpan<byte> bytes, int i)
    {
        int take = _arguments.Take(bytes[i..]);
        if (_arguments.IsComplete)
        {
            _state = Ground;
            Execute();
        }

        return i + take;
    }

    private void BeginPayload(long length, BarcodeSymbology? barcode = null)
    {
        _payloadIsBarcode = barcode is not null;
        if (Payload.BeginCounted(length, _payloadIsBarcode ? Payload.Capacity : 0, barcode ?? BarcodeSymbology.Unknown))
        {
            _state = State.Payload;
        }
        else
        {
            EndPayload();
        }
    }

    private int ConsumePayload(ReadOnlySpan<byte> bytes, int i)
    {
        int take = Payload.TakeCounted(bytes[i..]);
        if (Payload.IsComplete)
        {
            EndPayload();
        }

        return i + take;
    }

    private void EndPayload()
    {
        _state = Ground;
        ReadOnlySpan<byte> captured = Payload.TakeCaptured();
        if (_payloadIsBarcode)
        {
            Payload.AddBarcode(captured);
        }

        _payloadIsBarcode = false;
    }

    private void BeginSkipToNul()
    {
        _terminated = Terminated.Nul;
        Payload.BeginSkipToNul();
        _state = State.Terminated;
    }

    private void BeginBarcode(BarcodeSymbology symbology)
    {
        // ESC b n1 n2 n3 n4 d1…dk RS: any byte but a control byte is data.
        _terminated = Terminated.Barcode;
        Payload.BeginTerminated(symbology, (byte)ControlByte.RecordSeparator, highestData: 0xFF);
        _state = State.Terminated;
    }

    private int ConsumeTerminated(byte b, int i) => Step(
        _terminated == Terminated.Nul ? Payload.SkipToNul(b) : Payload.ConsumeTerminated(b),
        i);

    private int ConsumeTabStop(byte b, int i) => Step(TabStops.Consume(b), i);

    /// <summary>Back to the ground state when a sequence has ended; the index of the next byte to process.</summary>
    private int Step(SequenceStep step, int i)
    {
        if (step == SequenceStep.Continue)
        {
            return i + 1;
        }

        _state = Ground;
        return step == SequenceStep.Ended ? i + 1 : i;
    }

    private void Execute()
    {
        ReadOnlySpan<byte> a = _arguments.Read;
        switch (_command)
        {
            case Esc | (int)StarCommandByte.Initialize:
                Assembler.Initialize();
                break;
            case Esc | (int)StarCommandByte.HighlightOn:
                Assembler.Inverse = true;
                break;
            case Esc | (int)StarCommandByte.HighlightOff:
                Assembler.Inverse = false;
                break;
            case Esc | (int)StarCommandByte.EmphasizedOn:
                Assembler.Emphasized = true;
                break;
            case Esc | (int)StarCommandByte.EmphasizedOff:
                Assembler.Emphasized = false;
                break;
            case Esc | (int)StarCommandByte.Underline:
                Assembler.Underline = Level(a[0]) is 1 or 2;
                break;
            case Esc | (int)StarCommandByte.DoubleHeightOn:
                Assembler.HeightMultiplier = 2;
                break;
            case Esc | (int)StarCommandByte.DoubleHeightOff:
                Assembler.HeightMultiplier = 1;
                break;
            case Esc | (int)StarCommandByte.WidthExpansion:
                Assembler.WidthMultiplier = Level(a[0]) + 1;
                break;
            case Esc | (int)StarCommandByte.HeightExpansion:
                Assembler.HeightMultiplier = Level(a[0]) + 1;
                break;
            case Esc | (int)StarCommandByte.Expansion:
                Assembler.HeightMultiplier = Level(a[0]) + 1;
                Assembler.WidthMultiplier = Level(a[1]) + 1;
                break;
            case Esc | (int)StarCommandByte.CharacterSpacing:
                Assembler.RightSpacingDots = a[0];
                break;
            case Esc | (int)StarCommandByte.Pitch12:
                Assembler.FontWidthDots = Options.CharacterWidthDots;
                break;
            case Esc | (int)StarCommandByte.Pitch14:
                Assembler.FontWidthDots = 14;
                break;
            case Esc | (int)StarCommandByte.Pitch15:
                Assembler.FontWidthDots = 15;
                break;
            case Esc | (int)StarCommandByte.Pitch16:
                Assembler.FontWidthDots = 16;
                break;
            case Esc | (int)StarCommandByte.InternationalCharacterSet:
                Assembler.SelectInternationalCharacterSet(Level(a[0]));
                break;
            case Esc | (int)StarCommandByte.PageLength:
                if (_arguments.Count == 1 && a[0] == 0)
                {
                    NeedArguments(2);   // ESC C NUL n: page length in inches
                }

                break;
            case Esc | (int)StarCommandByte.Feed:
            case Esc | (int)StarCommandByte.FeedQuarterMillimetres:
            case Esc | (int)StarCommandByte.FeedLines:
                Assembler.EndLineIfPending();
                break;
            case Esc | (int)StarCommandByte.Cut:
                if (Level(a[0]) is >= 0 and <= 3)
                {
                    Assembler.Cut(_commandStreamOffset);
                }

                break;
            case Esc | (int)StarCommandByte.NormalDensityGraphics:
                BeginPayload(a[0]);   // ESC K n NUL d1…dn
                break;
            case Esc | (int)StarCommandByte.HighDensityGraphics:
                BeginPayload(a[0] | (a[1] << 8));
                break;
            case Esc | (int)StarCommandByte.BitImage24Dot:
                BeginPayload((a[0] | (a[1] << 8)) * 3);
                break;
            case Esc | (int)StarCommandByte.Barcode:
                BeginBarcode(StarSymbology(Level(a[0])));
                break;
            case EscGs | 't':
                Assembler.SelectCodePage(EscPosCodePageMap.FromStarEscGsT(a[0], Options.StartupCodePage));
                break;
            case EscGs | 'a':
                Assembler.Alignment = Level(a[0]) switch
                {
                    1 => LineAlignment.Center,
                    2 => LineAlignment.Right,
                    _ => LineAlignment.Left,
                };
                break;
            case EscGs | 'A':
                Assembler.MoveTo(a[0] | (a[1] << 8));
                break;
            case EscGs | 'R':
                Assembler.MoveBy(a[0] | (a[1] << 8));
                break;
            case EscGs | 'S':
                // ESC GS S m xL xH yL yH n d1…dk: k = (xL + xH×256) × (yL + yH×256).
                BeginPayload((long)(a[1] | (a[2] << 8)) * (a[3] | (a[4] << 8)));
                break;
            case EscGs | 'y':
                ExecuteQrCode(a);
                break;
            case EscGs | 'x':
                ExecutePdf417(a);
                break;
            case RasterLine:
                BeginPayload(a[0] | (a[1] << 8));
                break;
            default:
                break;
        }
    }

    private void ExecuteQrCode(ReadOnlySpan<byte> a)
    {
        // ESC GS y S 0|1|2 n (settings), ESC GS y D 1 m nL nH d1…dk (data, auto analysis), ESC GS y P (print).
        switch (a[0])
        {
            case (byte)'S' when _arguments.Count == 1:
                NeedArguments(3);
                break;
            case (byte)'D' when _arguments.Count == 1:
                NeedArguments(2);
                break;
            case (byte)'D' when _arguments.Count == 2:
                NeedArguments(a[1] == (byte)'1' ? 5 : 4);
                break;
            case (byte)'D' when _arguments.Count == 5 && a[1] == (byte)'1':
                BeginPayload(a[3] | (a[4] << 8), BarcodeSymbology.QrCode);
                break;
            case (byte)'D' when _arguments.Count == 4:
                BeginPayload(a[2] | (a[3] << 8), BarcodeSymbology.QrCode);
                break;
            default:
                break;
        }
    }

    private void ExecutePdf417(ReadOnlySpan<byte> a)
    {
        // ESC GS x S 0 n p1 p2 / ESC GS x S 1|2|3 n (settings), ESC GS x D nL nH d1…dk (data), ESC GS x P (print).
        switch (a[0])
        {
            case (byte)'S' when _arguments.Count == 1:
                NeedArguments(3);
                break;
            case (byte)'S' when _arguments.Count == 3 && a[1] == (byte)'0':
                NeedArguments(5);
                break;
            case (byte)'D' when _arguments.Count == 1:
                NeedArguments(3);
                break;
            case (byte)'D' when _arguments.Count == 3:
                BeginPayload(a[1] | (a[2] << 8), BarcodeSymbology.Pdf417);
                break;
            default:
                break;
        }
    }

    /// <summary>ESC b n1: Star Line Mode Command Specifications, ESC b "Barcode".</summary>
    private static BarcodeSymbology StarSymbology(int n1) => n1 switch
    {
        0 => BarcodeSymbology.UpcE,
        1 => BarcodeSymbology.UpcA,
        2 => BarcodeSymbology.Ean8,
        3 => BarcodeSymbology.Ean13,
        4 => BarcodeSymbology.Code39,
        5 => BarcodeSymbology.Itf,
        6 => BarcodeSymbology.Code128,
        7 => BarcodeSymbology.Code93,
        8 => BarcodeSymbology.Codabar,
        _ => BarcodeSymbology.Unknown,
    };
}
