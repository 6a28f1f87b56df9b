namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// The printer's line buffer and print settings as a decoder drives them: characters go into the current
/// line, positioning becomes spaces, line feeds close lines, cuts close receipts. Shared by the ESC/POS and
/// Star decoders, which only differ in how bytes become these calls. Memory is bounded by the options' caps.
/// </summary>
internal sealed class ReceiptAssembler
{
    private const int MaxTabStops = 32;
    private const int MaxPositionDots = 1 << 20;

    private readonly ReceiptDecoderOptions _options;
    private readonly CharacterTables _tables = new();
    private readonly List<DecodedReceipt> _completed = [];
    private readonly char[] _line;
    private readonly List<DecodedLine> _lines = [];
    private readonly List<DecodedBarcode> _barcodes = [];
    private readonly int[] _tabStops = new int[MaxTabStops];

    private int _lineLength;
    private int _positionDots;
    private int _retainedCharacters;
    private int _tabStopCount;

    private bool _emphasized;
    private bool _inverse;
    private bool _lineInverse;
    private bool _doubleStrike;
    private bool _underline;
    private int _widthMultiplier = 1;
    private int _heightMultiplier = 1;
    private int _fontWidthDots;
    private int _rightSpacingDots;
    private LineAlignment _alignment;

    private bool _lineHasInk;
    private bool _lineBold;
    private bool _lineUnderline;
    private int _lineWidth = 1;
    private int _lineHeight = 1;
    private LineAlignment _lineAlignment;

    private int _codePage;
    private int _internationalSet;
    private char[] _characters;

    public ReceiptAssembler(ReceiptDecoderOptions options)
    {
        _options = options;
        _line = new char[options.MaxLineLength];
        _codePage = options.StartupCodePage;
        _internationalSet = options.StartupInternationalCharacterSet;
        _characters = _tables.Get(_codePage, _internationalSet);
        _fontWidthDots = options.CharacterWidthDots;
        ResetTabStops();
    }

    /// <summary>Characters, lines and barcodes held: the decoder's retained state.</summary>
    public int RetainedSize => _lineLength + _retainedCharacters + _lines.Count + _barcodes.Count;

    /// <summary>See <see cref="IReceiptDecoder.PrintedSinceCut"/>: set by text, a line feed, a barcode or <see cref="MarkPrinted"/>; cleared by a cut and by the stream's end.</summary>
    public bool PrintedSinceCut { get; private set; }

    /// <summary>Something that prints but holds no text went to the paper: an image's or a code's data.</summary>
    public void MarkPrinted() => PrintedSinceCut = true;

    public int CodePage => _codePage;

    public bool Emphasized
    {
        set => _emphasized = value;
    }

    public bool Inverse
    {
        set => _inverse = value;
    }

    public bool DoubleStrike
    {
        set => _doubleStrike = value;
    }

    public bool Underline
    {
        set => _underline = value;
    }

    public LineAlignment Alignment
    {
        set => _alignment = value;
    }

    public int RightSpacingDots
    {
        set => _rightSpacingDots = Math.Clamp(value, 0, 255);
    }

    public int WidthMultiplier
    {
        set => _widthMultiplier = Math.Clamp(value, 1, 8);
    }

    public int HeightMultiplier
    {
        set => _heightMultiplier = Math.Clamp(value, 1, 8);
    }

    public int FontWidthDots
    {
        set => _fontWidthDots = Math.Clamp(value, 1, 255);
    }

    public void SelectCodePage(int codePage)
    {
        if (codePage != _codePage)
        {
            _codePage = codePage;
            _characters = _tables.Get(_codePage, _internationalSet);
        }
    }

    public void SelectInternationalCharacterSet(int set)
    {
        if (set != _internationalSet)
        {
            _internationalSet = set;
            _characters = _tables.Get(_codePage, _internationalSet);
        }
    }

    /// <summary>A printable byte through the active code page.</summary>
    public void Print(byte value)
    {
        char c = _characters[value];
        if (c != '\0')
        {
            Print(c, 1);
        }
    }

    /// <summary>A character occupying <paramref name="cells"/> character cells (2 for a double-byte character).</summary>
    public void Print(char c, int cells)
    {
        PrintedSinceCut = true;
        if (_lineLength < _line.Length)
        {
            _line[_lineLength++] = c;
        }

        Advance((_fontWidthDots + _rightSpacingDots) * _widthMultiplier * cells);
        if (c != ' ')
        {
            if (!_lineHasInk)
            {
                _lineHasInk = true;
                _lineAlignment = _alignment;
            }

            _lineBold |= _emphasized || _doubleStrike;
            _lineInverse |= _inverse;
            _lineUnderline |= _underline;
            _lineWidth = Math.Max(_lineWidth, _widthMultiplier);
            _lineHeight = Math.Max(_lineHeight, _heightMultiplier);
        }
    }

    /// <summary>
    /// A control byte in text that is not a command prefix: LF, CR, HT and FF lay out the line the same way in
    /// ESC/POS and Star Line Mode; the others (BEL, SUB, CAN …) print nothing.
    /// </summary>
    public void Control(byte control)
    {
        switch ((ControlByte)control)
        {
            case ControlByte.LineFeed:
                EndLine();
                break;
            case ControlByte.CarriageReturn:
                if (_options.CarriageReturnEndsLine)
                {
                    EndLine();
                }

                break;
            case ControlByte.HorizontalTab:
                Tab();
                break;
            case ControlByte.FormFeed:
                EndLineIfPending();
                break;
            default:
                break;
        }
    }

    /// <summary>ESC $ / ESC GS A: move to a dot position from the start of the line.</summary>
    public void MoveTo(int dots)
    {
        dots = Math.Clamp(dots, 0, MaxPositionDots);
        if (dots > _positionDots)
        {
            int cell = _fontWidthDots;
            int spaces = Math.Max(1, (dots - _positionDots + (cell / 2)) / cell);
            AppendSpaces(spaces);
        }
        else if (dots < _positionDots && _lineLength > 0 && _line[_lineLength - 1] != ' ')
        {
            // Printing goes back over earlier text: keep the words apart in the text.
            AppendSpaces(1);
        }

        _positionDots = dots;
    }

    /// <summary>ESC \ / ESC GS R: move by a signed number of dots.</summary>
    public void MoveBy(int dots) => MoveTo(_positionDots + dots);

    /// <summary>HT: to the next tab stop right of the print position; ignored when there is none.</summary>
    public void Tab()
    {
        for (int i = 0; i < _tabStopCount; i++)
        {
            if (_tabStops[i] > _positionDots)
            {
                MoveTo(_tabStops[i]);
                return;
            }
        }
    }

    /// <summary>ESC D n1…nk: tab stops in character columns of the current character width.</summary>
    public void SetTabStops(ReadOnlySpan<byte> columns)
    {
        int cell = (_fontWidthDots + _rightSpacingDots) * _widthMultiplier;
        _tabStopCount = Math.Min(columns.Length, MaxTabStops);
        for (int i = 0; i < _tabStopCount; i++)
        {
            _tabStops[i] = columns[i] * cell;
        }
    }

    public void ResetTabStops()
    {
        _tabStopCount = MaxTabStops;
        for (int i = 0; i < MaxTabStops; i++)
        {
            _tabStops[i] = (i + 1) * _options.TabStopEveryColumns * _options.CharacterWidthDots;
        }
    }

    /// <summary>ESC @ and the like: print settings back to start-up values; the unprinted line is discarded, as the printer does.</summary>
    public void Initialize()
    {
        ClearLine();
        _emphasized = false;
        _inverse = false;
        _doubleStrike = false;
        _underline = false;
        _widthMultiplier = 1;
        _heightMultiplier = 1;
        _fontWidthDots = _options.CharacterWidthDots;
        _rightSpacingDots = 0;
        _alignment = LineAlignment.Left;
        _codePage = _options.StartupCodePage;
        _internationalSet = _options.StartupInternationalCharacterSet;
        _characters = _tables.Get(_codePage, _internationalSet);
        ResetTabStops();
    }

    /// <summary>LF and the print-and-feed commands: the line buffer becomes a line.</summary>
    public void EndLine()
    {
        PrintedSinceCut = true;
        int length = _lineLength;
        while (length > 0 && _line[length - 1] == ' ')
        {
            length--;
        }

        DecodedLine line = length == 0
            ? new DecodedLine(string.Empty, false, false, 1, 1, _alignment)
            : new DecodedLine(new string(_line, 0, length), _lineBold, _lineUnderline, _lineWidth, _lineHeight, _lineAlignment, _lineInverse);
        ClearLine();

        if (_lines.Count >= _options.MaxLinesPerReceipt)
        {
            // Never hold more than the cap: report what we have and carry on with a new receipt.
            Complete(endedByCut: false, cutStreamOffset: null);
        }

        _lines.Add(line);
        _retainedCharacters += line.Text.Length;
    }

    /// <summary>Ends the line if anything is in it (a cut or form feed prints the buffer first).</summary>
    public void EndLineIfPending()
    {
        if (_lineLength > 0)
        {
            EndLine();
        }
        else
        {
            ClearLine();
        }
    }

    public void AddBarcode(BarcodeSymbology symbology, string data)
    {
        PrintedSinceCut = true;
        if (_barcodes.Count < _options.MaxBarcodesPerReceipt && data.Length > 0)
        {
            _barcodes.Add(new DecodedBarcode(symbology, data));
            _retainedCharacters += data.Length;
        }
    }

    /// <summary>A paper cut: the receipt so far is complete, if it printed anything.</summary>
    /// <param name="commandStreamOffset">Stream offset of the cut command's first byte.</param>
    public void Cut(long commandStreamOffset)
    {
        EndLineIfPending();
        Complete(endedByCut: true, commandStreamOffset);
        PrintedSinceCut = false;
    }

    /// <summary>The receipts completed since the last call, in order.</summary>
    public IReadOnlyList<DecodedReceipt> TakeCompleted()
    {
        if (_completed.Count == 0)
        {
            return [];
        }

        DecodedReceipt[] receipts = [.. _completed];
        _completed.Clear();
        return receipts;
    }

    public DecodedReceipt? Flush()
    {
        EndLineIfPending();
        int before = _completed.Count;
        Complete(endedByCut: false, cutStreamOffset: null);
        PrintedSinceCut = false;
        if (_completed.Count == before)
        {
            return null;
        }

        DecodedReceipt receipt = _completed[^1];
        _completed.RemoveAt(_completed.Count - 1);
        return receipt;
    }

    private void Complete(bool endedByCut, long? cutStreamOffset)
    {
        int first = 0;
        int last = _lines.Count - 1;
        while (first <= last && _lines[first].Text.Length == 0)
        {
            first++;
        }

        while (last >= first && _lines[last].Text.Length == 0)
        {
            last--;
        }

        if (first <= last || _barcodes.Count > 0)
        {
            DecodedLine[] lines = first <= last ? _lines.GetRange(first, last - first + 1).ToArray() : [];
            _completed.Add(new DecodedReceipt(lines, _barcodes.ToArray(), endedByCut) { CutStreamOffset = cutStreamOffset });
        }

        _lines.Clear();
        _barcodes.Clear();
        _retainedCharacters = 0;
    }

    private void AppendSpaces(int count)
    {
        int room = _line.Length - _lineLength;
        int n = Math.Min(count, room);
        _line.AsSpan(_lineLength, n).Fill(' ');
        _lineLength += n;
    }

    private void Advance(int dots)
    {
        _positionDots = Math.Min(_positionDots + dots, MaxPositionDots);
    }

    private void ClearLine()
    {
        _lineLength = 0;
        _positionDots = 0;
        _lineHasInk = false;
        _lineBold = false;
        _lineInverse = false;
        _lineUnderline = false;
        _lineWidth = 1;
        _lineHeight = 1;
        _lineAlignment = _alignment;
    }
}
