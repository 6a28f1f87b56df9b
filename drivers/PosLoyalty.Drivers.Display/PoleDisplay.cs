namespace PosLoyalty.Drivers.Display;

/// <summary>
/// A 2×20 customer pole display (VFD or LCD) speaking CD5220 or Epson DM-D over a byte stream.
/// Text is transliterated to the display's code page; control characters in text are never sent.
/// </summary>
/// <remarks>
/// The transport is any writable <see cref="Stream"/>: a tty configured by the serial driver (most poles are
/// 9600 8N1), a USB-serial adapter, a TCP socket. Each call writes one complete command sequence and flushes.
/// Not thread-safe: one writer.
/// </remarks>
public sealed class PoleDisplay : IDisposable, IAsyncDisposable
{
    /// <summary>Characters per line.</summary>
    public const int Columns = 20;

    /// <summary>Lines on the display.</summary>
    public const int Lines = 2;

    /// <summary>PC437, the factory code page of CD5220 and DM-D displays.</summary>
    public const int DefaultCodePage = 437;

    private readonly Stream transport;
    private readonly bool shouldDispose;
    private readonly DisplayText text;
    private bool disposed;

    /// <summary>Creates a display writing to <paramref name="transport"/>.</summary>
    /// <param name="transport">The byte stream to the display.</param>
    /// <param name="shouldDispose">Whether disposing the display disposes <paramref name="transport"/>.</param>
    /// <param name="protocol">The display's command set.</param>
    /// <param name="codePage">
    /// The character table the display is set to (PC437 unless its DIP switches or an <c>ESC t</c> say otherwise);
    /// a single-byte Windows code page number: 437, 850, 852, 858, 866, 1252 …
    /// </param>
    /// <exception cref="ArgumentException">The code page is unknown or not single-byte.</exception>
    public PoleDisplay(Stream transport, bool shouldDispose, PoleDisplayProtocol protocol = PoleDisplayProtocol.Cd5220, int codePage = DefaultCodePage)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (!transport.CanWrite)
        {
            throw new ArgumentException("The transport must be writable.", nameof(transport));
        }

        if (!Enum.IsDefined(protocol))
        {
            throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown pole display protocol.");
        }

        text = new DisplayText(codePage);
        this.transport = transport;
        this.shouldDispose = shouldDispose;
        Protocol = protocol;
        CodePage = codePage;
    }

    /// <summary>The command set in use.</summary>
    public PoleDisplayProtocol Protocol { get; }

    /// <summary>The code page text is encoded for.</summary>
    public int CodePage { get; }

    /// <summary>Resets the display (<c>ESC @</c> in both command sets): clears it and restores default modes.</summary>
    public void Initialize() => Write(InitializeCommand());

    /// <inheritdoc cref="Initialize"/>
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => WriteAsync(InitializeCommand(), cancellationToken);

    /// <summary>Blanks both lines (<c>FF</c>).</summary>
    public void Clear() => Write(ClearCommand());

    /// <inheritdoc cref="Clear"/>
    public ValueTask ClearAsync(CancellationToken cancellationToken = default) => WriteAsync(ClearCommand(), cancellationToken);

    /// <summary>Shows two lines, each padded with spaces or truncated to <see cref="Columns"/> characters.</summary>
    public void ShowLines(string upper, string lower) => Write(ShowLinesCommand(upper, lower));

    /// <inheritdoc cref="ShowLines"/>
    public ValueTask ShowLinesAsync(string upper, string lower, CancellationToken cancellationToken = default) =>
        WriteAsync(ShowLinesCommand(upper, lower), cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (shouldDispose)
        {
            transport.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (shouldDispose)
        {
            await transport.DisposeAsync();
        }
    }

    private static byte[] InitializeCommand() =>
        // CD5220 and DM-D share ESC @.
        [(byte)EpsonDmDCommand.Escape, (byte)EpsonDmDCommand.Initialize];

    private byte[] ClearCommand() => Protocol switch
    {
        PoleDisplayProtocol.Cd5220 => [(byte)Cd5220Command.ClearDisplay],
        _ => [(byte)EpsonDmDCommand.ClearScreen],
    };

    private byte[] ShowLinesCommand(string upper, string lower)
    {
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(lower);
        var top = text.Encode(upper, Columns);
        var bottom = text.Encode(lower, Columns);
        return Protocol switch
        {
            PoleDisplayProtocol.Cd5220 =>
            [
                (byte)Cd5220Command.Escape, (byte)Cd5220Command.StringMode, (byte)Cd5220Command.UpperLine, .. top, (byte)Cd5220Command.EndOfString,
                (byte)Cd5220Command.Escape, (byte)Cd5220Command.StringMode, (byte)Cd5220Command.LowerLine, .. bottom, (byte)Cd5220Command.EndOfString,
            ],
            _ =>
            [
                (byte)EpsonDmDCommand.UnitSeparator, (byte)EpsonDmDCommand.MoveCursor, 1, 1, .. top,
                (byte)EpsonDmDCommand.UnitSeparator, (byte)EpsonDmDCommand.MoveCursor, 1, 2, .. bottom,
            ],
        };
    }

    private void Write(byte[] command)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        transport.Write(command);
        transport.Flush();
    }

    private async ValueTask WriteAsync(byte[] command, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await transport.WriteAsync(command, cancellationToken);
        await transport.FlushAsync(cancellationToken);
    }
}
