using System.Buffers.Binary;
using TextEncoding = System.Text.Encoding;

namespace PosLoyalty.Drivers.EscPos.Decoding;

/// <summary>
/// Streaming ESC/POS decoder: bytes as a POS sends them to an Epson-compatible receipt printer in, receipts
/// (text lines with style, barcode payloads) out, one per paper cut. It knows the length of every command's
/// payload (images, NV graphics, GS ( / ESC ( / FS ( blocks, GS 8 L, barcodes, user-defined characters), so
/// image data is never read as text; payloads are skipped by counting, not buffered. Unknown commands are
/// skipped as two bytes (ESC x), which at worst prints a stray argument byte and keeps the stream in sync.
/// </summary>
/// <remarks>
/// Not thread-safe: one decoder per stream. Page mode is decoded as if it were standard mode (text in order),
/// and lines are not wrapped at the paper width.
/// </remarks>
public sealed class EscPosDecoder : StreamingReceiptDecoder
{
    private const int Esc = (int)ControlByte.Escape << 8;
    private const int Gs = (int)ControlByte.GroupSeparator << 8;
    private const int Fs = (int)ControlByte.FileSeparator << 8;
    private const int Dle = (int)ControlByte.DataLinkEscape << 8;

    // Pseudo-commands for the repeated headers inside FS q and ESC &.
    private const int NvImageHeader = 0x10000;

    private const int MaxSemicolonListLength = 32;

    private readonly TextEncoding? _doubleByte;
    private readonly CommandArguments _arguments = new();

    private State _state;
    private int _command;

    // Stream offsets (bytes since construction): where the current chunk starts, and where the command being
    // read began. A cut reports the latter so a tap can insert bytes before the cut command (DecodedReceipt.CutStreamOffset).
    private long _commandStreamOffset;

    private PayloadEnd _payloadEnd;

    private int _repeatRemaining;
    private int _userCharacterHeight;
    private int _semicolonsRemaining;
    private int _listBudget;

    private bool _kanjiMode;
    private bool _kanjiShiftJis;
    private byte _kanjiLead;

    /// <summary>A decoder with the default options: PC437 at start-up, 12-dot Font A (80 mm, 48 columns).</summary>
    public EscPosDecoder()
        : this(new ReceiptDecoderOptions())
    {
    }

    /// <summary>A decoder for a printer with the given start-up settings and caps.</summary>
    public EscPosDecoder(ReceiptDecoderOptions options)
        : base(options)
    {
        _doubleByte = TryGetEncoding(options.DoubleByteCodePage);
    }

    private enum State : byte
    {
        Text,
        Escape,
        GroupSeparator,
        FileSeparator,
        DataLinkEscape,
        Arguments,
        Payload,
        NulTerminatedBarcode,
        TabStops,
        UserCharacterWidth,
        SemicolonList,
        KanjiTrail,
    }

    private enum PayloadEnd : byte
    {
        None,
        LinearBarcode,
        TwoDimensionalCode,
        UserCharacter,
        NvImage,
        BitmapHeader,
    }

    /// <inheritdoc />
    public override bool IsInText => _state == State.Text;

    /// <inheritdoc />
    public override long? OpenCommandStreamOffset => _state is State.Escape or State.GroupSeparator or State.FileSeparator
        or State.DataLinkEscape || (_state == State.Arguments && _command != NvImageHeader)
        ? _commandStreamOffset
        : null;

    private protected override int Step(ReadOnlySpan<byte> bytes, int i)
    {
        return _state switch
        {
            State.Text => ConsumeText(bytes, i),
            State.Escape => ConsumeCommandByte(bytes[i], i, Esc, EscPosCommandTable.EscArguments(bytes[i])),
            State.GroupSeparator => ConsumeCommandByte(bytes[i], i, Gs, EscPosCommandTable.GsArguments(bytes[i])),
            State.FileSeparator => ConsumeCommandByte(bytes[i], i, Fs, EscPosCommandTable.FsArguments(bytes[i])),
            State.DataLinkEscape => ConsumeRealTimeByte(bytes[i], i),
            State.Arguments => ConsumeArguments(bytes, i),
            State.Payload => ConsumePayload(bytes, i),
            State.NulTerminatedBarcode => ConsumeNulTerminatedBarcode(bytes[i], i),
            State.TabStops => ConsumeTabStop(bytes[i], i),
            State.UserCharacterWidth => ConsumeUserCharacterWidth(bytes[i], i),
            State.SemicolonList => ConsumeSemicolonList(bytes[i], i),
            State.KanjiTrail => ConsumeKanjiTrail(bytes[i], i),
            _ => ResetToText(i),
        };
    }

    private protected override void AbandonCommand()
    {
        _state = State.Text;
    }

    private static TextEncoding? TryGetEncoding(int codePage)
    {
        try
        {
            TextEncoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            return TextEncoding.GetEncoding(codePage);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private int ResetToText(int i)
    {
        _state = State.Text;
        return i;
    }

    private int ConsumeText(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b >= 0x20)
            {
                if (_kanjiMode && IsKanjiLead(b))
                {
                    _kanjiLead = b;
                    _state = State.KanjiTrail;
                    return i + 1;
                }

                Assembler.Print(b);
                i++;
                continue;
            }

            i++;
            switch ((ControlByte)b)
            {
                case ControlByte.Escape:
                    _state = State.Escape;
                    _commandStreamOffset = ChunkStreamOffset + i - 1;
                    return i;
                case ControlByte.GroupSeparator:
                    _state = State.GroupSeparator;
                    _commandStreamOffset = ChunkStreamOffset + i - 1;
                    return i;
                case ControlByte.FileSeparator:
                    _state = State.FileSeparator;
                    _commandStreamOffset = ChunkStreamOffset + i - 1;
                    return i;
                case ControlByte.DataLinkEscape:
                    _state = State.DataLinkEscape;
                    _commandStreamOffset = ChunkStreamOffset + i - 1;
                    return i;
                default:
                    // LF, CR, HT, FF; other control bytes print nothing on an ESC/POS printer.
                    Assembler.Control(b);
                    break;
            }
        }

        return i;
    }

    private bool IsKanjiLead(byte b) => _kanjiShiftJis
        ? b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC)
        : b is >= 0x21 and <= 0x7E || b >= 0x81;

    private int ConsumeKanjiTrail(byte b, int i)
    {
        _state = State.Text;
        if (b < 0x20)
        {
            // Not a character pair after all: the control byte is processed as itself.
            Assembler.Print('?', 2);
            return i;
        }

        Assembler.Print(DecodePair(_kanjiLead, b), 2);
        return i + 1;
    }

    private char DecodePair(byte lead, byte trail)
    {
        if (_doubleByte is null)
        {
            return '?';
        }

        Span<byte> pair = [lead, trail];
        if (!_kanjiShiftJis && Options.DoubleByteCodePage == 932 && lead is >= 0x21 and <= 0x7E && trail is >= 0x21 and <= 0x7E)
        {
            // JIS X 0208 row/cell to Shift_JIS, so one .NET code page decodes both code systems (FS C 0 and 1).
            pair[0] = (byte)(((lead + 1) >> 1) + (lead <= 0x5E ? 0x70 : 0xB0));
            pair[1] = (byte)(trail + ((lead & 1) != 0 ? (trail < 0x60 ? 0x1F : 0x20) : 0x7E));
        }

        Span<char> chars = stackalloc char[4];
        int count = _doubleByte.GetChars(pair, chars);
        return count >= 1 && !char.IsControl(chars[0]) ? chars[0] : '?';
    }

    private int ConsumeCommandByte(byte b, int i, int prefix, int arguments)
    {
        if (arguments < 0)
        {
            // Unknown command. A control byte right after the prefix is more likely the start of the next
            // command than an argument: process it again as itself. Otherwise drop the two bytes.
            _state = State.Text;
            return b < 0x20 ? i : i + 1;
        }

        BeginCommand(prefix | b, arguments);
        return i + 1;
    }

    private int ConsumeRealTimeByte(byte b, int i)
    {
        int arguments = EscPosCommandTable.DleArguments(b);
        if (arguments < 0)
        {
            // A lone DLE is not a command: ignore it and process the next byte as usual.
            _state = State.Text;
            return i;
        }

        BeginCommand(Dle | b, arguments);
        return i + 1;
    }

    private void BeginCommand(int command, int arguments)
    {
        _command = command;
        _arguments.Begin(arguments);
        _state = State.Text;
        if (arguments == 0)
        {
            Execute();
        }
        else
        {
            _state = State.Arguments;
        }
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
            _state = State.Text;
            Execute();
        }

        return i + take;
    }

    private void BeginPayload(long length, PayloadEnd end, int captureLimit = 0, BarcodeSymbology symbology = BarcodeSymbology.Unknown)
    {
        _payloadEnd = end;
        if (Payload.BeginCounted(length, captureLimit, symbology))
        {
            _state = State.Payload;
        }
        else
        {
            _state = State.Text;
            EndPayload();
        }
    }

    private int ConsumePayload(ReadOnlySpan<byte> bytes, int i)
    {
        int take = Payload.TakeCounted(bytes[i..]);
        if (Payload.IsComplete)
        {
            _state = State.Text;
            EndPayload();
        }

        return i + take;
    }

    private void EndPayload()
    {
        ReadOnlySpan<byte> captured = Payload.TakeCaptured();
        switch (_payloadEnd)
        {
            case PayloadEnd.LinearBarcode:
                Payload.AddBarcode(captured);
                break;
            case PayloadEnd.TwoDimensionalCode:
                // GS ( k pL pH cn fn m d1…dk: fn 80 "store the data in the symbol storage area".
                if (captured.Length > 3 && captured[1] == 80)
                {
                    BarcodeSymbology symbology = BarcodeText.FromTwoDimensional(captured[0]);
                    Assembler.AddBarcode(symbology, BarcodeText.Decode(captured[3..], symbology));
                }

                break;
            case PayloadEnd.UserCharacter:
                if (--_repeatRemaining > 0)
                {
                    _state = State.UserCharacterWidth;
                }

                break;
            case PayloadEnd.NvImage:
                if (--_repeatRemaining > 0)
                {
                    BeginCommand(NvImageHeader, 4);
                }

                break;
            case PayloadEnd.BitmapHeader:
                // A Windows BMP file: "BM" then its total size, little-endian, at offset 2.
                if (captured.Length == 6 && captured[0] == (byte)'B' && captured[1] == (byte)'M')
                {
                    long size = BinaryPrimitives.ReadUInt32LittleEndian(captured[2..]);
                    BeginPayload(size - 6, PayloadEnd.None);
                }

                break;
            default:
                break;
        }
    }

    private int ConsumeNulTerminatedBarcode(byte b, int i) => Step(Payload.ConsumeTerminated(b), i);

    private int ConsumeTabStop(byte b, int i) => Step(TabStops.Consume(b), i);

    /// <summary>Back to text when a sequence has ended; the index of the next byte to process.</summary>
    private int Step(SequenceStep step, int i)
    {
        if (step == SequenceStep.Continue)
        {
            return i + 1;
        }

        _state = State.Text;
        return step == SequenceStep.Ended ? i + 1 : i;
    }

    private int ConsumeUserCharacterWidth(byte x, int i)
    {
        BeginPayload((long)_userCharacterHeight * x, PayloadEnd.UserCharacter);
        return i + 1;
    }

    private int ConsumeSemicolonList(byte b, int i)
    {
        if (b == (byte)';')
        {
            _semicolonsRemaining--;
        }

        if (_semicolonsRemaining == 0 || --_listBudget == 0)
        {
            _state = State.Text;
        }

        return i + 1;
    }

    private void Execute()
    {
        ReadOnlySpan<byte> a = _arguments.Read;
        switch (_command)
        {
            case Esc | (int)EscCommandByte.RightSideSpacing:
                Assembler.RightSpacingDots = a[0];
                break;
            case Esc | (int)EscCommandByte.PrintMode:
                Assembler.FontWidthDots = (a[0] & 0x01) != 0 ? Options.FontBCharacterWidthDots : Options.CharacterWidthDots;
                Assembler.Emphasized = (a[0] & 0x08) != 0;
                Assembler.HeightMultiplier = (a[0] & 0x10) != 0 ? 2 : 1;
                Assembler.WidthMultiplier = (a[0] & 0x20) != 0 ? 2 : 1;
                Assembler.Underline = (a[0] & 0x80) != 0;
                break;
            case Esc | (int)EscCommandByte.AbsolutePosition:
                Assembler.MoveTo(a[0] | (a[1] << 8));
                break;
            case Esc | (int)EscCommandByte.RelativePosition:
                Assembler.MoveBy((short)(a[0] | (a[1] << 8)));
                break;
            case Esc | (int)EscCommandByte.DefineUserCharacters:
                _userCharacterHeight = a[0];
                _repeatRemaining = Math.Max(0, a[2] - a[1] + 1);
                _state = _repeatRemaining > 0 ? State.UserCharacterWidth : State.Text;
                break;
            case Esc | (int)EscCommandByte.ExtendedParameters:
            case Fs | (int)FsCommandByte.ExtendedParameters:
                BeginPayload(a[1] | (a[2] << 8), PayloadEnd.None);
                break;
            case Esc | (int)EscCommandByte.BitImage:
                int columns = a[1] | (a[2] << 8);
                BeginPayload(a[0] is 32 or 33 ? 3L * columns : a[0] is 0 or 1 ? columns : 0, PayloadEnd.None);
                break;
            case Esc | (int)EscCommandByte.Underline:
                Assembler.Underline = a[0] is 1 or 2 or 49 or 50;
                break;
            case Esc | (int)EscCommandByte.Initialize:
                Assembler.Initialize();
                _kanjiMode = false;
                break;
            case Esc | (int)EscCommandByte.TabPositions:
                TabStops.Begin();
                _state = State.TabStops;
                break;
            case Esc | (int)EscCommandByte.Emphasized:
                Assembler.Emphasized = (a[0] & 1) != 0;
                break;
            case Esc | (int)EscCommandByte.DoubleStrike:
                Assembler.DoubleStrike = (a[0] & 1) != 0;
                break;
            case Esc | (int)EscCommandByte.PrintAndFeed:
            case Esc | (int)EscCommandByte.PrintAndReverseFeed:
            case Esc | (int)EscCommandByte.PrintAndFeedLines:
            case Esc | (int)EscCommandByte.PrintAndReverseFeedLines:
            case Esc | (int)EscCommandByte.PrintPageMode:
                Assembler.EndLineIfPending();
                break;
            case Esc | (int)EscCommandByte.Font:
                Assembler.FontWidthDots = a[0] is 0 or 48 ? Options.CharacterWidthDots : Options.FontBCharacterWidthDots;
                break;
            case Esc | (int)EscCommandByte.InternationalCharacterSet:
                Assembler.SelectInternationalCharacterSet(a[0]);
                break;
            case Esc | (int)EscCommandByte.Justification:
                Assembler.Alignment = Alignment(a[0]);
                break;
            case Esc | (int)EscCommandByte.PartialCutOnePoint:
            case Esc | (int)EscCommandByte.PartialCutThreePoints:
                Assembler.Cut(_commandStreamOffset);
                break;
            case Esc | (int)EscCommandByte.CodeTable:
                Assembler.SelectCodePage(EscPosCodePageMap.FromEscT(a[0], Options.StartupCodePage));
                break;
            case Gs | (int)GsCommandByte.Reverse:
                Assembler.Inverse = (a[0] & 1) != 0;
                break;
            case Gs | (int)GsCommandByte.CharacterSize:
                Assembler.WidthMultiplier = ((a[0] >> 4) & 0x07) + 1;
                Assembler.HeightMultiplier = (a[0] & 0x07) + 1;
                break;
            case Gs | (int)GsCommandByte.ExtendedParameters:
                bool isSymbol = a[0] == (byte)'k';
                BeginPayload(a[1] | (a[2] << 8), isSymbol ? PayloadEnd.TwoDimensionalCode : PayloadEnd.None, isSymbol ? Payload.Capacity : 0);
                break;
            case Gs | (int)GsCommandByte.DefineDownloadedImage:
                BeginPayload(8L * a[0] * a[1], PayloadEnd.None);
                break;
            case Gs | (int)GsCommandByte.ExtendedGraphics:
                BeginPayload(a[0] == (byte)'L' ? BinaryPrimitives.ReadUInt32LittleEndian(a[1..]) : 0, PayloadEnd.None);
                break;
            case Gs | (int)GsCommandByte.Counter:
                ExecuteCounter(a);
                break;
            case Gs | (int)GsCommandByte.WindowsBitmap:
                if (_arguments.Count == 2)
                {
                    if (a[0] == (byte)'0' && a[1] is (byte)'C' or (byte)'S')
                    {
                        // GS D 0 C / GS D 0 S: m kc1 kc2 b c (5 bytes), then the BMP file.
                        NeedArguments(7);
                    }
                }
                else
                {
                    BeginPayload(6, PayloadEnd.BitmapHeader, 6);
                }

                break;
            case Gs | (int)GsCommandByte.VariableBitImage:
            case Gs | (int)GsCommandByte.RasterImage:
                long width = a[2] | (a[3] << 8);
                long height = a[4] | (a[5] << 8);
                BeginPayload(width * height, PayloadEnd.None);
                break;
            case Gs | (int)GsCommandByte.Cut:
                ExecuteCut(a);
                break;
            case Gs | (int)GsCommandByte.Barcode:
                ExecuteBarcode(a);
                break;
            case Fs | (int)FsCommandByte.KanjiModeOn:
                _kanjiMode = true;
                break;
            case Fs | (int)FsCommandByte.KanjiModeOff:
                _kanjiMode = false;
                break;
            case Fs | (int)FsCommandByte.KanjiCodeSystem:
                _kanjiShiftJis = a[0] is 1 or 2 or 49 or 50;
                break;
            case Fs | (int)FsCommandByte.DefineUserKanji:
                BeginPayload(72, PayloadEnd.None);
                break;
            case Fs | (int)FsCommandByte.NvUserMemory:
                BeginPayload(a[0] is 1 or 49 ? a[6] | (a[7] << 8) : 0, PayloadEnd.None);
                break;
            case Fs | (int)FsCommandByte.DefineNvImage:
                _repeatRemaining = a[0];
                if (_repeatRemaining > 0)
                {
                    BeginCommand(NvImageHeader, 4);
                }

                break;
            case NvImageHeader:
                BeginPayload(8L * (a[0] | (a[1] << 8)) * (a[2] | (a[3] << 8)), PayloadEnd.NvImage);
                break;
            case Dle | (int)DleCommandByte.RealTimeFunction:
                if (_arguments.Count == 1)
                {
                    int more = EscPosCommandTable.RealTimeFunctionParameters(a[0]);
                    if (more > 0)
                    {
                        NeedArguments(1 + more);
                    }
                }

                break;
            default:
                // Fixed-length commands with no effect on the text (line spacing, margins, status, drawer …):
                // their arguments have been read, which is all that matters.
                break;
        }
    }

    private void ExecuteCounter(ReadOnlySpan<byte> a)
    {
        // GS C 0 n m / GS C 1 aL aH bL bH n r / GS C 2 nL nH / GS C ; sa ; sb ; sn ; sr ; sc ;
        if (_arguments.Count > 1)
        {
            return;
        }

        switch (a[0])
        {
            case 0 or 48:
            case 2 or 50:
                NeedArguments(3);
                break;
            case 1 or 49:
                NeedArguments(7);
                break;
            case (byte)';':
                _semicolonsRemaining = 5;
                _listBudget = MaxSemicolonListLength;
                _state = State.SemicolonList;
                break;
            default:
                break;
        }
    }

    private void ExecuteCut(ReadOnlySpan<byte> a)
    {
        // GS V m (m = 0, 1, 48, 49) or GS V m n (m = 65, 66, 97, 98, 103, 104). docs/architecture.md, "Device facts".
        if (_arguments.Count == 2)
        {
            Assembler.Cut(_commandStreamOffset);
            return;
        }

        switch (a[0])
        {
            case 0 or 1 or 48 or 49:
                Assembler.Cut(_commandStreamOffset);
                break;
            case 65 or 66 or 97 or 98 or 103 or 104:
                NeedArguments(2);
                break;
            default:
                break;
        }
    }

    private void ExecuteBarcode(ReadOnlySpan<byte> a)
    {
        // GS k m d1…dk NUL (m = 0–6) or GS k m n d1…dn (m = 65–79). docs/architecture.md, "Device facts".
        byte m = a[0];
        if (_arguments.Count == 2)
        {
            BeginPayload(a[1], PayloadEnd.LinearBarcode, Payload.Capacity, BarcodeText.FromEscPos(m));
            return;
        }

        if (m <= 6)
        {
            // Printable ASCII up to NUL; Epson ends the data at any other byte too.
            Payload.BeginTerminated(BarcodeText.FromEscPos(m), terminator: 0, highestData: 0x7E);
            _state = State.NulTerminatedBarcode;
        }
        else if (m >= 65)
        {
            NeedArguments(2);
        }
    }

    private static LineAlignment Alignment(byte n) => n switch
    {
        1 or 49 => LineAlignment.Center,
        2 or 50 => LineAlignment.Right,
        _ => LineAlignment.Left,
    };
}
