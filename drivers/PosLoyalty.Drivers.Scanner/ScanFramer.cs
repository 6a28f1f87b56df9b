using System.Text;

namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// Cuts the bytes a serial scanner sends into <see cref="Scan"/>s. Push-style and I/O-free: feed it whatever
/// a read returned, in order, and it appends each completed scan. Malformed input never throws: oversize and
/// stale frames are dropped and counted so a service can log them.
/// </summary>
/// <remarks>
/// <para>Framing: CR, LF or ETX ends a frame; CR followed by LF is one terminator (also when split across
/// reads); an empty frame is no scan. STX starts a frame: anything buffered before it is discarded (e.g. the
/// BCC byte some scanners send after ETX).</para>
/// <para>Then, in order: the configured prefix is removed, the AIM identifier is recognised and removed, the
/// configured suffix is removed. GS (0x1D, GS1 FNC1) and every other byte are data, decoded ISO-8859-1.</para>
/// <para>Not thread-safe: one reader feeds it.</para>
/// </remarks>
public sealed class ScanFramer
{
    private readonly TimeProvider timeProvider;
    private readonly byte[] frame;
    private readonly byte[] prefix;
    private readonly byte[] suffix;
    private readonly TimeSpan interByteTimeout;
    private readonly TimeSpan debounceWindow;
    private readonly bool stripAimIdentifier;

    private int length;
    private bool overflowing;
    private bool afterCr;
    private DateTimeOffset lastByteAt;
    private string? lastCode;
    private DateTimeOffset lastCodeAt;

    /// <summary>Creates a framer with default options and the system clock.</summary>
    public ScanFramer()
        : this(new ScanFramerOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a framer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length or time span is out of range.</exception>
    /// <exception cref="ArgumentException">Prefix or suffix is not ISO-8859-1.</exception>
    public ScanFramer(ScanFramerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFrameLength, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxFrameLength, 65_536, nameof(options));
        if (options.InterByteTimeout < TimeSpan.Zero && options.InterByteTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InterByteTimeout, "InterByteTimeout must not be negative.");
        }

        if (options.DebounceWindow < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DebounceWindow, "DebounceWindow must not be negative.");
        }

        this.timeProvider = timeProvider;
        frame = new byte[options.MaxFrameLength];
        prefix = ToLatin1(options.Prefix, nameof(options.Prefix));
        suffix = ToLatin1(options.Suffix, nameof(options.Suffix));
        interByteTimeout = options.InterByteTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : options.InterByteTimeout;
        debounceWindow = options.DebounceWindow;
        stripAimIdentifier = options.StripAimIdentifier;
    }

    /// <summary>The most bytes this framer will ever buffer.</summary>
    public int MaxFrameLength => frame.Length;

    /// <summary>Bytes of the current, unfinished frame. Never more than <see cref="MaxFrameLength"/>.</summary>
    public int BufferedByteCount => length;

    /// <summary>Frames dropped because they grew past <see cref="MaxFrameLength"/>.</summary>
    public long OversizeFramesDropped { get; private set; }

    /// <summary>Partial frames dropped: the inter-byte timeout passed, or STX restarted the frame.</summary>
    public long IncompleteFramesDropped { get; private set; }

    /// <summary>Scans dropped as repeats within the debounce window.</summary>
    public long DuplicateScansDropped { get; private set; }

    /// <summary>Feeds received bytes; appends every scan they complete to <paramref name="scans"/>.</summary>
    /// <returns>How many scans were appended.</returns>
    public int Feed(ReadOnlySpan<byte> data, ICollection<Scan> scans)
    {
        ArgumentNullException.ThrowIfNull(scans);
        if (data.IsEmpty)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        if (interByteTimeout > TimeSpan.Zero && (length > 0 || overflowing) && now - lastByteAt > interByteTimeout)
        {
            DropIncomplete();
        }

        lastByteAt = now;
        var before = scans.Count;
        foreach (var b in data)
        {
            switch ((FrameByte)b)
            {
                case FrameByte.Cr:
                    EndFrame(now, scans);
                    afterCr = true;
                    continue;
                case FrameByte.Lf:
                    if (!afterCr)
                    {
                        EndFrame(now, scans);
                    }

                    break;
                case FrameByte.Etx:
                    EndFrame(now, scans);
                    break;
                case FrameByte.Stx:
                    DropIncomplete();
                    break;
                default:
                    Append(b);
                    break;
            }

            afterCr = false;
        }

        return scans.Count - before;
    }

    /// <summary>Feeds received bytes and returns the scans they complete.</summary>
    public IReadOnlyList<Scan> Feed(ReadOnlySpan<byte> data)
    {
        var scans = new List<Scan>();
        Feed(data, scans);
        return scans;
    }

    /// <summary>Forgets the unfinished frame and the debounce memory (e.g. after the device reconnects).</summary>
    public void Reset()
    {
        length = 0;
        overflowing = false;
        afterCr = false;
        lastCode = null;
    }

    private static byte[] ToLatin1(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        foreach (var c in value)
        {
            if (c > '\u00FF')
            {
                throw new ArgumentException($"{name} must contain ISO-8859-1 characters only; '{c}' is not one.", name);
            }
        }

        return Encoding.Latin1.GetBytes(value);
    }

    private void Append(byte b)
    {
        if (overflowing)
        {
            return;
        }

        if (length == frame.Length)
        {
            // Drop now rather than at the terminator so garbage without terminators cannot grow anything.
            overflowing = true;
            length = 0;
            OversizeFramesDropped++;
            return;
        }

        frame[length++] = b;
    }

    private void DropIncomplete()
    {
        if (length > 0)
        {
            IncompleteFramesDropped++;
        }

        length = 0;
        overflowing = false;
    }

    private void EndFrame(DateTimeOffset now, ICollection<Scan> scans)
    {
        var data = frame.AsSpan(0, length);
        var wasOverflowing = overflowing;
        length = 0;
        overflowing = false;
        if (wasOverflowing || data.IsEmpty)
        {
            return;
        }

        if (prefix.Length > 0 && data.StartsWith(prefix))
        {
            data = data[prefix.Length..];
        }

        var symbology = Symbology.Unknown;
        if (stripAimIdentifier && AimIdentifier.TryParse(data, out symbology))
        {
            data = data[AimIdentifier.Length..];
        }

        if (suffix.Length > 0 && data.EndsWith(suffix))
        {
            data = data[..^suffix.Length];
        }

        if (data.IsEmpty)
        {
            return;
        }

        var code = Encoding.Latin1.GetString(data);
        if (debounceWindow > TimeSpan.Zero && lastCode == code && now - lastCodeAt < debounceWindow)
        {
            DuplicateScansDropped++;
            return;
        }

        lastCode = code;
        lastCodeAt = now;
        scans.Add(new Scan(code, symbology, now));
    }
}
