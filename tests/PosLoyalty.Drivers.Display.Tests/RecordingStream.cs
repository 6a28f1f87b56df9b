namespace PosLoyalty.Drivers.Display.Tests;

/// <summary>A write-only transport that records what the display would receive, and how often it was flushed.</summary>
internal sealed class RecordingStream : Stream
{
    private readonly MemoryStream written = new();

    public int Flushes { get; private set; }

    public bool Disposed { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => written.Length;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public byte[] Written => written.ToArray();

    public override void Flush() => Flushes++;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => written.Write(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
