using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace PosLoyalty.Service.PosEvents;

/// <summary>
/// Cuts the bytes of one POS event connection into lines (LF or CRLF). Memory stays bounded whatever arrives:
/// a line longer than <see cref="MaxLineBytes"/> is discarded up to its newline and reported once; a line that is
/// not UTF-8 is reported, not decoded; blank lines are skipped. Never throws for input.
/// </summary>
public sealed class PosEventLineReader
{
    /// <summary>64 KiB: far above a real sale (a few hundred bytes per item), far below what could hurt a Pi.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    private const int InitialBufferBytes = 1024;

    private byte[] _buffer;
    private int _count;
    private bool _discarding;
    private long _lineNumber;

    /// <summary>A reader with the given line cap.</summary>
    public PosEventLineReader(int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        MaxLineBytes = maxLineBytes;
        _buffer = new byte[Math.Min(InitialBufferBytes, maxLineBytes)];
    }

    /// <summary>The longest line kept, in bytes, not counting its line ending.</summary>
    public int MaxLineBytes { get; }

    /// <summary>Lines ended so far, blank and discarded ones included.</summary>
    public long LinesRead => _lineNumber;

    /// <summary>Bytes held for the line not yet ended (never more than <see cref="MaxLineBytes"/> + 1, for a CR).</summary>
    public int BufferedBytes => _count;

    /// <summary>Adds the next bytes of the connection; every line they end is added to <paramref name="lines"/>.</summary>
    public void Push(ReadOnlySpan<byte> bytes, ICollection<PosEventLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        while (!bytes.IsEmpty)
        {
            var newline = bytes.IndexOf((byte)'\n');
            var part = newline < 0 ? bytes : bytes[..newline];
            if (!_discarding)
            {
                // One byte more than the cap: the CR of a CRLF line of exactly the cap.
                if (part.Length > MaxLineBytes + 1 - _count)
                {
                    _discarding = true;
                    _count = 0;
                }
                else
                {
                    Append(part);
                }
            }

            if (newline < 0)
            {
                return;
            }

            EndLine(lines);
            bytes = bytes[(newline + 1)..];
        }
    }

    /// <summary>The connection ended: a last line without a newline is still a line.</summary>
    public void Complete(ICollection<PosEventLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (_count > 0 || _discarding)
        {
            EndLine(lines);
        }
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        if (_count + part.Length > _buffer.Length)
        {
            var size = _buffer.Length;
            while (size < _count + part.Length)
            {
                size *= 2;
            }

            Array.Resize(ref _buffer, Math.Min(size, MaxLineBytes + 1));
        }

        part.CopyTo(_buffer.AsSpan(_count));
        _count += part.Length;
    }

    private void EndLine(ICollection<PosEventLine> lines)
    {
        _lineNumber++;
        if (_discarding)
        {
            _discarding = false;
            _count = 0;
            lines.Add(new PosEventLine(_lineNumber, null, string.Create(CultureInfo.InvariantCulture, $"line {_lineNumber}: longer than {MaxLineBytes} bytes; discarded")));
            return;
        }

        var line = _buffer.AsSpan(0, _count);
        _count = 0;
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        if (line.Length > MaxLineBytes)
        {
            lines.Add(new PosEventLine(_lineNumber, null, string.Create(CultureInfo.InvariantCulture, $"line {_lineNumber}: longer than {MaxLineBytes} bytes; discarded")));
            return;
        }

        if (_lineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..]; // a byte order mark some Windows tools write first
        }

        if (!Utf8.IsValid(line))
        {
            lines.Add(new PosEventLine(_lineNumber, null, string.Create(CultureInfo.InvariantCulture, $"line {_lineNumber}: not UTF-8 text")));
            return;
        }

        var text = Encoding.UTF8.GetString(line);
        if (!string.IsNullOrWhiteSpace(text))
        {
            lines.Add(new PosEventLine(_lineNumber, text, null));
        }
    }
}
