using System.Buffers;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Builds an ESC/POS byte sequence. Every method appends and returns the same encoder, so a
/// receipt reads top to bottom; <see cref="ToArray"/> gives the bytes. Text goes through the
/// character table selected last with <see cref="CodePage"/> (PC437 until then, the power-on
/// table of most printers — send <see cref="CodePage"/> to be sure).
/// </summary>
public sealed class EscPosEncoder
{
    /// <summary>Longest QR payload of a model 2 symbol (version 40, level L, byte mode is less).</summary>
    private const int MaxQrDataLength = 7089;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private System.Text.Encoding _encoding = EscPosCodePages.GetEncoding(EscPosCodePage.Pc437);

    /// <summary>The character table text is currently encoded with.</summary>
    public EscPosCodePage ActiveCodePage { get; private set; } = EscPosCodePage.Pc437;

    /// <summary>Bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>ESC @ — clears the print buffer and resets every mode to its power-on value.</summary>
    public EscPosEncoder Initialize()
    {
        ActiveCodePage = EscPosCodePage.Pc437;
        _encoding = EscPosCodePages.GetEncoding(ActiveCodePage);
        return Esc(EscCommand.Initialize);
    }

    /// <summary>ESC t n — selects the character table; later text is encoded through it.</summary>
    public EscPosEncoder CodePage(EscPosCodePage page)
    {
        _encoding = EscPosCodePages.GetEncoding(page);
        ActiveCodePage = page;
        return Esc(EscCommand.SelectCodeTable, (byte)page);
    }

    /// <summary>
    /// Text in the active character table. '\n' becomes LF; other control characters become
    /// '?' so that text from a customer record can never smuggle a command to the printer.
    /// </summary>
    public EscPosEncoder Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return this;
        }

        var clean = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c == '\n' || !(char.IsControl(c) || char.IsSurrogate(c)) ? c : '?';
            }
        });
        var bytes = _encoding.GetBytes(clean);
        return Raw(bytes);
    }

    /// <summary>Text followed by LF ("Print and line feed").</summary>
    public EscPosEncoder Line(string text) => Text(text).NewLine();

    /// <summary>LF — prints the buffer and feeds one line.</summary>
    public EscPosEncoder NewLine() => Raw([(byte)AsciiControl.LineFeed]);

    /// <summary>ESC E n — emphasized (bold) on or off.</summary>
    public EscPosEncoder Bold(bool on) => Esc(EscCommand.Emphasized, on ? (byte)1 : (byte)0);

    /// <summary>ESC - n — underline off, one dot or two dots.</summary>
    public EscPosEncoder Underline(UnderlineMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown underline mode.");
        }

        return Esc(EscCommand.Underline, (byte)mode);
    }

    /// <summary>GS ! n — character width and height multipliers, each 1 to 8.</summary>
    public EscPosEncoder Size(int widthMultiplier, int heightMultiplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthMultiplier, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthMultiplier, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightMultiplier, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightMultiplier, 8);
        return Gs(GsCommand.CharacterSize, (byte)(((widthMultiplier - 1) << 4) | (heightMultiplier - 1)));
    }

    /// <summary>GS ! 0 — normal size.</summary>
    public EscPosEncoder NormalSize() => Size(1, 1);

    /// <summary>ESC a n — justification of the following lines, barcodes and QR codes.</summary>
    public EscPosEncoder Align(TextAlignment alignment)
    {
        if (!Enum.IsDefined(alignment))
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Unknown alignment.");
        }

        return Esc(EscCommand.Justification, (byte)alignment);
    }

    /// <summary>GS h n — 1D barcode height in dots (1–255).</summary>
    public EscPosEncoder BarcodeHeight(int dots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dots, 255);
        return Gs(GsCommand.BarcodeHeight, (byte)dots);
    }

    /// <summary>GS w n — 1D barcode module width (2–6).</summary>
    public EscPosEncoder BarcodeModuleWidth(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 6);
        return Gs(GsCommand.BarcodeWidth, (byte)width);
    }

    /// <summary>GS H n — where the human-readable digits of a 1D barcode go.</summary>
    public EscPosEncoder BarcodeText(HriPosition position)
    {
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown HRI position.");
        }

        return Gs(GsCommand.HriPosition, (byte)position);
    }

    /// <summary>
    /// GS k 73 n d1…dn — CODE128 of printable ASCII, using code set C for digit runs where it is
    /// shorter and code set B for the rest.
    /// </summary>
    public EscPosEncoder Code128(string data)
    {
        var encoded = Code128Data.Encode(data);
        if (encoded.Length > 255)
        {
            throw new ArgumentException($"CODE128 data \"{data}\" encodes to {encoded.Length} bytes; GS k allows 255.", nameof(data));
        }

        Gs(GsCommand.PrintBarcode, (byte)BarcodeSystem.Code128, (byte)encoded.Length);
        return Raw(encoded);
    }

    /// <summary>
    /// GS k 67 13 d1…d13 — EAN-13. Twelve digits get their check digit computed; thirteen digits
    /// must carry the right one.
    /// </summary>
    public EscPosEncoder Ean13Barcode(string digits)
    {
        var full = Ean13.Complete(digits);
        Gs(GsCommand.PrintBarcode, (byte)BarcodeSystem.Ean13, 13);
        return Raw(System.Text.Encoding.ASCII.GetBytes(full));
    }

    /// <summary>
    /// A QR code (model 2) with GS ( k: select model (fn 65), module size (fn 67), error
    /// correction (fn 69), store the data (fn 80), print it (fn 81). The data is sent as UTF-8.
    /// </summary>
    public EscPosEncoder QrCode(string data, int moduleSize = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.Medium)
    {
        ArgumentException.ThrowIfNullOrEmpty(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(moduleSize, 16);
        if (!Enum.IsDefined(errorCorrection))
        {
            throw new ArgumentOutOfRangeException(nameof(errorCorrection), errorCorrection, "Unknown error correction level.");
        }

        var payload = System.Text.Encoding.UTF8.GetBytes(data);
        if (payload.Length > MaxQrDataLength)
        {
            throw new ArgumentException($"QR data is {payload.Length} bytes; a QR code holds at most {MaxQrDataLength}.", nameof(data));
        }

        Qr(QrFunction.SelectModel, 50, 0);
        Qr(QrFunction.SetModuleSize, (byte)moduleSize);
        Qr(QrFunction.SetErrorCorrection, (byte)errorCorrection);
        QrHeader(payload.Length + 3, QrFunction.Store);
        Raw([48]);
        Raw(payload);
        return Qr(QrFunction.Print, 48);
    }

    /// <summary>ESC d n — prints the buffer and feeds n lines (0–255).</summary>
    public EscPosEncoder Feed(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, 255);
        return Esc(EscCommand.PrintAndFeedLines, (byte)lines);
    }

    /// <summary>GS V 0 (full) or GS V 1 (partial) — cuts where the paper is now.</summary>
    public EscPosEncoder Cut(CutMode mode = CutMode.Partial) => mode switch
    {
        CutMode.Full => Gs(GsCommand.Cut, 0),
        CutMode.Partial => Gs(GsCommand.Cut, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown cut mode."),
    };

    /// <summary>
    /// GS V 65 n (full) or GS V 66 n (partial) — feeds to the cutter plus n motion units, then
    /// cuts, so the last printed line is not left under the cutter.
    /// </summary>
    public EscPosEncoder FeedAndCut(CutMode mode = CutMode.Partial, int extraFeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extraFeed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extraFeed, 255);
        return mode switch
        {
            CutMode.Full => Gs(GsCommand.Cut, 65, (byte)extraFeed),
            CutMode.Partial => Gs(GsCommand.Cut, 66, (byte)extraFeed),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown cut mode."),
        };
    }

    /// <summary>
    /// ESC p m t1 t2 — pulses the drawer kick-out connector: on for t1 × 2 ms, off for t2 × 2 ms
    /// (each 0–510 ms, rounded down to 2 ms).
    /// </summary>
    public EscPosEncoder OpenDrawer(DrawerPin pin = DrawerPin.Pin2, int onMilliseconds = 100, int offMilliseconds = 200)
    {
        if (!Enum.IsDefined(pin))
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, "Unknown drawer pin.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(onMilliseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(onMilliseconds, 510);
        ArgumentOutOfRangeException.ThrowIfNegative(offMilliseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offMilliseconds, 510);
        return Esc(EscCommand.GeneratePulse, (byte)pin, (byte)(onMilliseconds / 2), (byte)(offMilliseconds / 2));
    }

    /// <summary>Bytes as given, for commands this encoder has no method for.</summary>
    public EscPosEncoder Raw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    private EscPosEncoder Esc(EscCommand command, params ReadOnlySpan<byte> parameters)
    {
        Raw([(byte)AsciiControl.Esc, (byte)command]);
        return Raw(parameters);
    }

    private EscPosEncoder Gs(GsCommand command, params ReadOnlySpan<byte> parameters)
    {
        Raw([(byte)AsciiControl.Gs, (byte)command]);
        return Raw(parameters);
    }

    /// <summary>GS ( k pL pH 49 fn — pL + pH × 256 counts cn, fn and the parameters.</summary>
    private EscPosEncoder QrHeader(int parameterLength, QrFunction function)
    {
        Gs(GsCommand.TwoDimensionalCode, (byte)'k', (byte)(parameterLength & 0xFF), (byte)(parameterLength >> 8));
        return Raw([49, (byte)function]);
    }

    private EscPosEncoder Qr(QrFunction function, params ReadOnlySpan<byte> parameters)
    {
        QrHeader(parameters.Length + 2, function);
        return Raw(parameters);
    }
}
