using System.Threading.Channels;

namespace PosLoyalty.Drivers.EscPos.Tests.Status;

/// <summary>
/// A fake two-way printer link: records every byte written and answers DLE EOT n with whatever
/// the script says (nothing, if the script returns null), after an optional delay.
/// </summary>
internal sealed class ScriptedPrinterStream : Stream
{
    private readonly Func<byte, byte[]?> _answer;
    private readonly Channel<byte[]> _toHost = Channel.CreateUnbounded<byte[]>();
    private readonly MemoryStream _written = new();
    private readonly bool _canRead;
    private byte[] _leftover = [];
    private int _dleEotState;

    public ScriptedPrinterStream(Func<byte, byte[]?> answer, bool canRead = true)
    {
        _answer = answer;
        _canRead = canRead;
    }

    /// <summary>How long the printer takes to answer each request.</summary>
    public TimeSpan ReplyDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Reads fail as a pulled cable does.</summary>
    public bool FailReads { get; set; }

    public bool IsDisposed { get; private set; }

    public byte[] Written => _written.ToArray();

    public override bool CanRead => _canRead;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Sends bytes to the host unprompted (ASB, XOFF …).</summary>
    public void Send(params byte[] bytes) => _toHost.Writer.TryWrite(bytes);

    public override void Write(byte[] buffer, int offset, int count)
    {
        _written.Write(buffer, offset, count);
        foreach (var b in buffer.AsSpan(offset, count))
        {
            _dleEotState = (_dleEotState, b) switch
            {
                (0, 0x10) => 1,
                (1, 0x04) => 2,
                (2, _) => Answer(b),
                _ => b == 0x10 ? 1 : 0,
            };
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (FailReads)
        {
            throw new IOException("Input/output error");
        }

        if (_leftover.Length == 0)
        {
            _leftover = await _toHost.Reader.ReadAsync(cancellationToken);
        }

        var n = Math.Min(buffer.Length, _leftover.Length);
        _leftover.AsSpan(0, n).CopyTo(buffer.Span);
        _leftover = _leftover[n..];
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        _toHost.Writer.TryComplete();
        base.Dispose(disposing);
    }

    private int Answer(byte n)
    {
        if (_answer(n) is { } reply)
        {
            if (ReplyDelay == TimeSpan.Zero)
            {
                Send(reply);
            }
            else
            {
                _ = Task.Delay(ReplyDelay).ContinueWith(_ => Send(reply), TaskScheduler.Default);
            }
        }

        return 0;
    }
}
