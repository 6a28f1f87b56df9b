namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// Splits the bytes a printer sends back into real-time status replies, Automatic Status Back
/// blocks, XON/XOFF and everything else. It only reads: a receipt tap relays each chunk to the
/// POS unchanged and pushes the same chunk here to understand it. Blocks may be split across
/// chunks; the state carries over.
/// Patterns from the Epson ESC/POS Command Reference: DLE EOT replies 0xx1xx10b; ASB (GS a)
/// first byte 0xx1xx00b, then three bytes 0xx0xxxxb; XON 0x11 / XOFF 0x13 ("Flow control").
/// </summary>
public sealed class PrinterReplyDemultiplexer
{
    private const byte XOn = 0x11;
    private const byte XOff = 0x13;
    private const int AutomaticStatusLength = 4;

    private readonly byte[] _block = new byte[AutomaticStatusLength];
    private int _blockLength;

    /// <summary>True after XOFF until XON: the printer asked the host to pause.</summary>
    public bool IsPaused { get; private set; }

    /// <summary>True while part of an ASB block has been seen.</summary>
    public bool IsInsideBlock => _blockLength > 0;

    /// <summary>0xx1xx10b — the answer to DLE EOT n.</summary>
    public static bool IsRealTimeStatus(byte value) => (value & 0x93) == 0x12;

    /// <summary>0xx1xx00b — the first byte of an ASB block.</summary>
    public static bool IsAutomaticStatusHeader(byte value) => (value & 0x93) == 0x10;

    /// <summary>0xx0xxxxb — the second to fourth bytes of an ASB block.</summary>
    public static bool IsAutomaticStatusBody(byte value) => (value & 0x90) == 0x00;

    /// <summary>Reads a chunk and returns the replies it completed.</summary>
    public IReadOnlyList<PrinterReply> Push(ReadOnlySpan<byte> data)
    {
        var replies = new List<PrinterReply>();
        Push(data, replies);
        return replies;
    }

    /// <summary>Reads a chunk and adds the replies it completed to <paramref name="replies"/>, in order.</summary>
    public void Push(ReadOnlySpan<byte> data, ICollection<PrinterReply> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var value in data)
        {
            Push(value, replies);
        }
    }

    private void Push(byte value, ICollection<PrinterReply> replies)
    {
        // XON/XOFF may arrive at any time, even inside an ASB block (their bit 4 is set, so they
        // can never be a block's body byte).
        if (value == XOn || value == XOff)
        {
            IsPaused = value == XOff;
            replies.Add(new PrinterReply(value == XOn ? PrinterReplyKind.XOn : PrinterReplyKind.XOff, [value]));
            return;
        }

        if (_blockLength > 0)
        {
            if (IsAutomaticStatusBody(value))
            {
                _block[_blockLength++] = value;
                if (_blockLength == AutomaticStatusLength)
                {
                    replies.Add(new PrinterReply(PrinterReplyKind.AutomaticStatus, _block));
                    _blockLength = 0;
                }

                return;
            }

            // A broken block: hand over what was collected and read this byte afresh.
            replies.Add(new PrinterReply(PrinterReplyKind.Other, _block.AsSpan(0, _blockLength)));
            _blockLength = 0;
        }

        if (IsRealTimeStatus(value))
        {
            replies.Add(new PrinterReply(PrinterReplyKind.RealTimeStatus, [value]));
        }
        else if (IsAutomaticStatusHeader(value))
        {
            _block[_blockLength++] = value;
        }
        else
        {
            replies.Add(new PrinterReply(PrinterReplyKind.Other, [value]));
        }
    }
}
