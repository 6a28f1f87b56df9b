namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// Streaming decoder for Star Line Mode, the native command set of Star receipt printers (DESIGN.md §6:
/// "Star printers speak Star Line / StarPRNT, not ESC/POS; cuts are ESC d n"). Same contract as
/// <see cref="EscPosDecoder"/>: chunks in, receipts out at each cut; graphics (ESC K, ESC L, ESC GS S,
/// raster mode) and barcode data are skipped by counting and never read as text.
/// </summary>
/// <remarks>
/// Command lengths follow Star Micronics "STAR Line Mode Command Specifications". Unknown commands are
/// skipped as ESC plus one byte. Not thread-safe: one decoder per stream.
/// </remarks>
public sealed class StarLineModeDecoder : IReceiptDecoder
{
    private const int Esc = 0x1B00;
    private const int EscGs = 0x21D00;
    private const int EscGsQr = 0x31D00;
    private const int EscGsPdf417 = 0x41D00;
    private const int EscFs = 0x51C00;
    private const int RasterLine = 0x60000;

    private const int MaxTabStops = 32;
    private const int MaxTerminatedLength = 255;

    private readonly ReceiptDecoderOptions _options;
    private readonly List<DecodedReceipt> _completed = [];
    private readonly ReceiptAssembler _assembler;
    private readonly byte[] _arguments = new byte[8];
    private readonly byte[] _capture;
    private readonly byte[] _tabColumns = new byte[MaxTabStops];

    private State _state;
    private int _command;
    private int _argumentCount;
    private int _argumentsNeeded;

    private long _payloadRemaining;
    private int _captureLength;
    private int _captureLimit;
    private BarcodeSymbology _captureSymbology;
    private bool _payloadIsBarcode;

    private Terminated _terminated;
    private int _tabCount;
    private bool _inRaster;

    /// <summary>A decoder with the default options: PC437 at start-up, 12-dot font (80 mm, 48 columns).</summary>
    public StarLineModeDecoder()
        : this(new ReceiptDecoderOptions())
    {
    }

    /// <summary>A decoder for a printer with the given start-up settings and caps.</summary>
    public StarLineModeDecoder(ReceiptDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _assembler = new ReceiptAssembler(options, _completed);
        _capture = new byte[options.MaxBarcodeDataLength + 4];
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

    /// <inheritdoc />
    public int RetainedSize => _assembler.RetainedSize + _captureLength;

    private State Ground => _inRaster ? State.Raster : State.Text;

    /// <inheritdoc />
    public IReadOnlyList<DecodedReceipt> Push(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            i = _state switch
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

        if (_completed.Count == 0)
        {
            return [];
        }

        DecodedReceipt[] receipts = [.. _completed];
        _completed.Clear();
        return receipts;
    }

    /// <inheritdoc />
    public DecodedReceipt? Flush()
    {
        _state = State.Text;
        _inRaster = false;
        _payloadRemaining = 0;
        _captureLength = 0;
        return _assembler.Flush();
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
                _assembler.Print(b);
                i++;
                continue;
            }

            i++;
            switch ((ControlByte)b)
            {
                case ControlByte.LineFeed:
                    _assembler.EndLine();
                    break;
                case ControlByte.CarriageReturn:
                    if (_options.CarriageReturnEndsLine)
                    {
                        _assembler.EndLine();
                    }

                    break;
                case ControlByte.HorizontalTab:
                    _assembler.Tab();
                    break;
                case ControlByte.FormFeed:
                case ControlByte.VerticalTab:
                    _assembler.EndLineIfPending();
                    break;
                case ControlByte.ShiftOut:
                    _assembler.WidthMultiplier = 2;
                    break;
                case ControlByte.DeviceControl4:
                    _assembler.WidthMultiplier = 1;
                    break;
                case ControlByte.Escape:
                    _state = State.Escape;
                    return i;
                default:
                    // BEL, FS, SUB, CAN, SI, DC2 …: buzzers, drawers, inversion: nothing printed.
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
                _tabCount = 0;
                _state = State.TabStops;
                return i + 1;
            case StarCommandByte.VerticalTabs:
                BeginTerminated(Terminated.Nul);
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
        // y … (QR code), x … (PDF417), ETX s n1 n2 (print start/end notification).
        int arguments = b switch
        {
            (byte)'t' or (byte)'a' or (byte)'y' or (byte)'x' => 1,
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
                _assembler.EndLineIfPending();
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
                BeginTerminated(Terminated.Nul);
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
                return Begin(RasterLine, 2, i);
            case (byte)ControlByte.Escape:
                _state = State.RasterEscape;
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
            _assembler.Cut();
        }

        _state = State.Raster;
        return i + 1;
    }

    private int Begin(int command, int arguments, int i)
    {
        _command = command;
        _argumentCount = 0;
        _argumentsNeeded = arguments;
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
        _argumentsNeeded = total;
        _state = State.Arguments;
    }

    private int ConsumeArguments(ReadOnlySpan<byte> bytes, int i)
    {
        int take = Math.Min(_argumentsNeeded - _argumentCount, bytes.Length - i);
        bytes.Slice(i, take).CopyTo(_arguments.AsSpan(_argumentCount));
        _argumentCount += take;
        if (_argumentCount == _argumentsNeeded)
        {
            _state = Ground;
            Execute();
        }

        return i + take;
    }

    private void BeginPayload(long length, BarcodeSymbology? barcode = null)
    {
        _payloadRemaining = length;
        _captureLength = 0;
        _payloadIsBarcode = barcode is not null;
        _captureSymbology = barcode ?? BarcodeSymbology.Unknown;
        _captureLimit = _payloadIsBarcode ? _capture.Length : 0;
        if (length <= 0)
        {
            EndPayload();
        }
        else
        {
            _state = State.Payload;
        }
    }

    private int ConsumePayload(ReadOnlySpan<byte> bytes, int i)
    {
        int take = (int)Math.Min(_payloadRemaining, bytes.Length - i);
        if (_captureLength < _captureLimit)
        {
            int keep = Math.Min(take, _captureLimit - _captureLength);
            bytes.Slice(i, keep).CopyTo(_capture.AsSpan(_captureLength));
            _captureLength += keep;
        }

        _payloadRemaining -= take;
        if (_payloadRemaining == 0)
        {
            EndPayload();
        }

        return i + take;
    }

    private void EndPayload()
    {
        _state = Ground;
        if (_payloadIsBarcode)
        {
            _assembler.AddBarcode(_captureSymbology, BarcodeText.Decode(_capture.AsSpan(0, _captureLength), _captureSymbology));
        }

        _captureLength = 0;
        _payloadIsBarcode = false;
    }

    private void BeginTerminated(Terminated kind)
    {
        _terminated = kind;
        _captureLength = 0;
        _state = State.Terminated;
    }

    private int ConsumeTerminated(byte b, int i)
    {
        if (_terminated == Terminated.Nul)
        {
            if (b == 0 || ++_captureLength >= MaxTerminatedLength)
            {
                _captureLength = 0;
                _state = Ground;
            }

            return i + 1;
        }

        if (b == (byte)ControlByte.RecordSeparator)
        {
            FinishBarcode();
            return i + 1;
        }

        if (b < 0x20 || _captureLength >= MaxTerminatedLength)
        {
            // The RS is missing: end the barcode here and process this byte as usual.
            FinishBarcode();
            return i;
        }

        if (_captureLength < _capture.Length)
        {
            _capture[_captureLength] = b;
        }

        _captureLength++;
        return i + 1;
    }

    private void FinishBarcode()
    {
        int length = Math.Min(_captureLength, _capture.Length);
        _captureLength = 0;
        _state = Ground;
        _assembler.AddBarcode(_captureSymbology, BarcodeText.Decode(_capture.AsSpan(0, length), _captureSymbology));
    }

    private int ConsumeTabStop(byte b, int i)
    {
        if (b == 0)
        {
            FinishTabStops();
            return i + 1;
        }

        if (_tabCount > 0 && b <= _tabColumns[_tabCount - 1])
        {
            FinishTabStops();
            return i;
        }

        _tabColumns[_tabCount++] = b;
        if (_tabCount == MaxTabStops)
        {
            FinishTabStops();
        }

        return i + 1;
    }

    private void FinishTabStops()
    {
        _state = Ground;
        _assembler.SetTabStops(_tabColumns.AsSpan(0, _tabCount));
    }

    private void Execute()
    {
        ReadOnlySpan<byte> a = _arguments.AsSpan(0, _argumentCount);
        switch (_command)
        {
            case Esc | (int)StarCommandByte.Initialize:
                _assembler.Initialize();
                break;
            case Esc | (int)StarCommandByte.EmphasizedOn:
                _assembler.Emphasized = true;
                break;
            case Esc | (int)StarCommandByte.EmphasizedOff:
                _assembler.Emphasized = false;
                break;
            case Esc | (int)StarCommandByte.Underline:
                _assembler.Underline = Level(a[0]) is 1 or 2;
                break;
            case Esc | (int)StarCommandByte.DoubleHeightOn:
                _assembler.HeightMultiplier = 2;
                break;
            case Esc | (int)StarCommandByte.DoubleHeightOff:
                _assembler.HeightMultiplier = 1;
                break;
            case Esc | (int)StarCommandByte.WidthExpansion:
                _assembler.WidthMultiplier = Level(a[0]) + 1;
                break;
            case Esc | (int)StarCommandByte.HeightExpansion:
                _assembler.HeightMultiplier = Level(a[0]) + 1;
                break;
            case Esc | (int)StarCommandByte.Expansion:
                _assembler.HeightMultiplier = Level(a[0]) + 1;
                _assembler.WidthMultiplier = Level(a[1]) + 1;
                break;
            case Esc | (int)StarCommandByte.CharacterSpacing:
                _assembler.RightSpacingDots = a[0];
                break;
            case Esc | (int)StarCommandByte.Pitch12:
                _assembler.FontWidthDots = _options.CharacterWidthDots;
                break;
            case Esc | (int)StarCommandByte.Pitch14:
                _assembler.FontWidthDots = 14;
                break;
            case Esc | (int)StarCommandByte.Pitch15:
                _assembler.FontWidthDots = 15;
                break;
            case Esc | (int)StarCommandByte.Pitch16:
                _assembler.FontWidthDots = 16;
                break;
            case Esc | (int)StarCommandByte.InternationalCharacterSet:
                _assembler.SelectInternationalCharacterSet(Level(a[0]));
                break;
            case Esc | (int)StarCommandByte.PageLength:
                if (_argumentCount == 1 && a[0] == 0)
                {
                    NeedArguments(2);   // ESC C NUL n: page length in inches
                }

                break;
            case Esc | (int)StarCommandByte.Feed:
            case Esc | (int)StarCommandByte.FeedQuarterMillimetres:
            case Esc | (int)StarCommandByte.FeedLines:
                _assembler.EndLineIfPending();
                break;
            case Esc | (int)StarCommandByte.Cut:
                if (Level(a[0]) is >= 0 and <= 3)
                {
                    _assembler.Cut();
                }

                break;
            case Esc | (int)StarCommandByte.NormalDensityGraphics:
                BeginPayload(a[0]);   // ESC K n NUL d1…dn
                break;
            case Esc | (int)StarCommandByte.HighDensityGraphics:
                BeginPayload(a[0] | (a[1] << 8));
                break;
            case Esc | (int)StarCommandByte.Barcode:
                _captureSymbology = StarSymbology(Level(a[0]));
                BeginTerminated(Terminated.Barcode);
                break;
            case EscGs | 't':
                _assembler.SelectCodePage(EscPosCodePageMap.FromStarEscGsT(a[0], _options.StartupCodePage));
                break;
            case EscGs | 'a':
                _assembler.Alignment = Level(a[0]) switch
                {
                    1 => LineAlignment.Center,
                    2 => LineAlignment.Right,
                    _ => LineAlignment.Left,
                };
                break;
            case EscGs | 'A':
                _assembler.MoveTo(a[0] | (a[1] << 8));
                break;
            case EscGs | 'R':
                _assembler.MoveBy(a[0] | (a[1] << 8));
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
            case (byte)'S' when _argumentCount == 1:
                NeedArguments(3);
                break;
            case (byte)'D' when _argumentCount == 1:
                NeedArguments(2);
                break;
            case (byte)'D' when _argumentCount == 2:
                NeedArguments(a[1] == (byte)'1' ? 5 : 4);
                break;
            case (byte)'D' when _argumentCount == 5 && a[1] == (byte)'1':
                BeginPayload(a[3] | (a[4] << 8), BarcodeSymbology.QrCode);
                break;
            case (byte)'D' when _argumentCount == 4:
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
            case (byte)'S' when _argumentCount == 1:
                NeedArguments(3);
                break;
            case (byte)'S' when _argumentCount == 3 && a[1] == (byte)'0':
                NeedArguments(5);
                break;
            case (byte)'D' when _argumentCount == 1:
                NeedArguments(3);
                break;
            case (byte)'D' when _argumentCount == 3:
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
