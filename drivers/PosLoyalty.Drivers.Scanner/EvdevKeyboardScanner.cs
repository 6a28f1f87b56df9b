namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// A keyboard-wedge (USB HID keyboard) scanner read from its Linux evdev node,
/// <c>/dev/input/by-id/…-event-kbd</c>. Decodes key events with a US layout; ENTER, keypad ENTER or TAB
/// ends a scan. The read loop lives in the caller; the driver starts no threads.
/// </summary>
/// <remarks>
/// The typed characters go through a <see cref="ScanFramer"/>, so prefix/suffix, AIM identifiers, the
/// inter-byte timeout, the length bound and debounce work as for a serial scanner. One
/// <see cref="ReadAsync"/> at a time.
/// </remarks>
public sealed class EvdevKeyboardScanner : IDisposable, IAsyncDisposable
{
    private const int EventsPerRead = 64;

    private readonly ScanReadLoop reader;
    private readonly InputEventDecoder decoder;
    private readonly byte[] readBuffer;
    private readonly byte[] typed;

    /// <summary>Creates a scanner decoding <c>input_event</c> records from <paramref name="transport"/>.</summary>
    /// <param name="transport">The event stream: an opened evdev node, or recorded events.</param>
    /// <param name="shouldDispose">Whether disposing the scanner disposes <paramref name="transport"/>.</param>
    /// <param name="options">Framing options; defaults when null.</param>
    /// <param name="timeProvider">Clock for timeouts, debounce and <see cref="Scan.At"/>; the system clock when null.</param>
    /// <param name="inputEventSize">
    /// <c>sizeof(struct input_event)</c>: 24 (64-bit) or 16 (32-bit, e.g. armhf). Null: this process's,
    /// <see cref="NativeInputEventSize"/>.
    /// </param>
    public EvdevKeyboardScanner(
        Stream transport,
        bool shouldDispose,
        ScanFramerOptions? options = null,
        TimeProvider? timeProvider = null,
        int? inputEventSize = null)
    {
        reader = new ScanReadLoop(
            this,
            transport,
            shouldDispose,
            FrameEvents,
            "The scanner's event stream ended: the device was unplugged or closed.");
        decoder = new InputEventDecoder(inputEventSize ?? NativeInputEventSize);
        Framer = new ScanFramer(options ?? new ScanFramerOptions(), timeProvider ?? TimeProvider.System);

        // evdev read() returns whole events only and fails with EINVAL when the buffer is smaller than one.
        readBuffer = new byte[decoder.EventSize * EventsPerRead];
        typed = new byte[EventsPerRead + 1];
    }

    /// <summary><c>sizeof(struct input_event)</c> for this process: 24 on 64-bit, 16 on 32-bit.</summary>
    public static int NativeInputEventSize => InputEventDecoder.NativeEventSize;

    /// <summary>The record size this scanner decodes.</summary>
    public int InputEventSize => decoder.EventSize;

    /// <summary>The framer the typed characters go through; read its counters to log dropped frames.</summary>
    public ScanFramer Framer { get; }

    /// <summary>
    /// Opens an evdev node, e.g. <c>/dev/input/by-id/usb-…-event-kbd</c> (needs read access: group
    /// <c>input</c>), optionally grabbing it with EVIOCGRAB so the scans reach this process only.
    /// </summary>
    /// <remarks>
    /// The node is read non-blocking, so cancelling <see cref="ReadAsync"/> takes effect while nobody scans.
    /// Unplugging the scanner ends the stream: <see cref="ReadAsync"/> throws <see cref="EndOfStreamException"/>.
    /// </remarks>
    /// <exception cref="IOException">The grab failed (another process holds it, or it is not an input device).</exception>
    /// <exception cref="UnauthorizedAccessException">No read access (add the service user to group <c>input</c>).</exception>
    /// <exception cref="FileNotFoundException">No such node (scanner unplugged, or a udev name that did not match).</exception>
    public static EvdevKeyboardScanner Open(
        string devicePath,
        bool grab,
        ScanFramerOptions? options = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);

        var stream = EvdevStream.Open(devicePath, grab);
        try
        {
            return new EvdevKeyboardScanner(stream, shouldDispose: true, options, timeProvider);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Returns the next scan, reading events as needed.</summary>
    /// <exception cref="EndOfStreamException">The transport ended (device unplugged or closed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<Scan> ReadAsync(CancellationToken cancellationToken = default) =>
        reader.ReadAsync(readBuffer, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => reader.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => reader.DisposeAsync();

    private void FrameEvents(ReadOnlySpan<byte> events, ICollection<Scan> scans)
    {
        var count = decoder.Decode(events, typed);
        Framer.Feed(typed.AsSpan(0, count), scans);
    }
}
