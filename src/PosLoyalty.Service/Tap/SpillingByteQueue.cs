using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// A first-in first-out queue of byte chunks for bytes on their way to a printer that may be away. Up to
/// <see cref="MemoryLimitBytes"/> are held in memory; beyond that, chunks are appended to a spool file in the given
/// directory and read back in order. Enqueue never waits for the consumer and never drops. Thread-safe for one
/// producer and one consumer (any number, in fact: every member takes one lock).
/// </summary>
/// <remarks>
/// Once a chunk has gone to the spool, later chunks follow it there until the spool has been read empty, so the
/// order is always memory first, then spool. The spool file is created on first use, truncated whenever it has been
/// read to the end, and deleted on <see cref="Dispose"/> (FileOptions.DeleteOnClose): POS bytes can hold receipt text
/// and are not kept (docs/architecture.md, "Rules that keep data safe").
/// </remarks>
public sealed class SpillingByteQueue : IDisposable
{
    /// <summary>The memory limit when none is given: 4 MiB, some hundred receipts with logos.</summary>
    public const long DefaultMemoryLimitBytes = 4L * 1024 * 1024;

    private const int RecordHeaderBytes = sizeof(int);

    private readonly Lock _sync = new();
    private readonly Queue<byte[]> _memory = new();
    private readonly string _spoolDirectory;

    private SafeFileHandle? _spool;
    private long _spoolWriteOffset;
    private long _spoolReadOffset;
    private byte[]? _spoolHead;
    private int _spooledChunks;
    private long _memoryBytes;
    private long _spooledBytes;
    private bool _disposed;

    /// <summary>A queue spilling into <paramref name="spoolDirectory"/> beyond <paramref name="memoryLimitBytes"/>.</summary>
    /// <param name="spoolDirectory">Created if missing; should be on persistent storage with room (e.g. /var/lib/posloyalty).</param>
    /// <param name="memoryLimitBytes">Most bytes held in memory (a chunk at the head of the spool comes on top).</param>
    public SpillingByteQueue(string spoolDirectory, long memoryLimitBytes = DefaultMemoryLimitBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spoolDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(memoryLimitBytes);
        _spoolDirectory = spoolDirectory;
        MemoryLimitBytes = memoryLimitBytes;
    }

    /// <summary>Most bytes held in memory before chunks go to the spool file.</summary>
    public long MemoryLimitBytes { get; }

    /// <summary>Chunks queued.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _memory.Count + _spooledChunks;
            }
        }
    }

    /// <summary>Bytes queued, in memory and spooled.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_sync)
            {
                return _memoryBytes + _spooledBytes;
            }
        }
    }

    /// <summary>Bytes queued in the spool file.</summary>
    public long SpooledBytes
    {
        get
        {
            lock (_sync)
            {
                return _spooledBytes;
            }
        }
    }

    /// <summary>The spool file's path while it exists (for tests and diagnostics); null otherwise.</summary>
    public string? SpoolPath { get; private set; }

    /// <summary>Appends a copy of <paramref name="chunk"/>; empty chunks are ignored.</summary>
    /// <exception cref="IOException">The spool file could not be written (disk full): the chunk is not queued.</exception>
    public void Enqueue(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_spooledChunks == 0 && _memoryBytes + chunk.Length <= MemoryLimitBytes)
            {
                _memory.Enqueue(chunk.ToArray());
                _memoryBytes += chunk.Length;
                return;
            }

            AppendToSpool(chunk);
        }
    }

    /// <summary>The chunk at the head, without removing it; false when the queue is empty.</summary>
    /// <exception cref="IOException">The spool file could not be read.</exception>
    public bool TryPeek(out ReadOnlyMemory<byte> chunk)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_memory.TryPeek(out var head))
            {
                chunk = head;
                return true;
            }

            if (_spooledChunks > 0)
            {
                _spoolHead ??= ReadSpoolRecord();
                chunk = _spoolHead;
                return true;
            }

            chunk = ReadOnlyMemory<byte>.Empty;
            return false;
        }
    }

    /// <summary>Removes the chunk at the head (the one <see cref="TryPeek"/> returned); false when empty.</summary>
    public bool TryDequeue()
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_memory.TryDequeue(out var head))
            {
                _memoryBytes -= head.Length;
                return true;
            }

            if (_spooledChunks == 0)
            {
                return false;
            }

            _spoolHead ??= ReadSpoolRecord();
            _spoolReadOffset += RecordHeaderBytes + _spoolHead.Length;
            _spooledBytes -= _spoolHead.Length;
            _spooledChunks--;
            _spoolHead = null;
            if (_spooledChunks == 0)
            {
                // Read to the end: start the file again so it never grows beyond one outage's worth.
                RandomAccess.SetLength(_spool!, 0);
                _spoolReadOffset = 0;
                _spoolWriteOffset = 0;
            }

            return true;
        }
    }

    /// <summary>Deletes the spool file. Queued bytes are gone: dispose only when the service stops.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _spool?.Dispose();
            _spool = null;
            SpoolPath = null;
            _memory.Clear();
        }
    }

    private void AppendToSpool(ReadOnlySpan<byte> chunk)
    {
        if (_spool is null)
        {
            Directory.CreateDirectory(_spoolDirectory);
            string path = Path.Combine(_spoolDirectory, $"tap-spool-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
            _spool = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
            SpoolPath = path;
        }

        Span<byte> header = stackalloc byte[RecordHeaderBytes];
        BinaryPrimitives.WriteInt32LittleEndian(header, chunk.Length);
        try
        {
            RandomAccess.Write(_spool, header, _spoolWriteOffset);
            RandomAccess.Write(_spool, chunk, _spoolWriteOffset + RecordHeaderBytes);
        }
        catch (IOException)
        {
            // Leave the file as it was: a partly written record past the write offset is overwritten next time.
            RandomAccess.SetLength(_spool, _spoolWriteOffset);
            throw;
        }

        _spoolWriteOffset += RecordHeaderBytes + chunk.Length;
        _spooledBytes += chunk.Length;
        _spooledChunks++;
    }

    private byte[] ReadSpoolRecord()
    {
        Span<byte> header = stackalloc byte[RecordHeaderBytes];
        ReadExactly(header, _spoolReadOffset);
        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var chunk = new byte[length];
        ReadExactly(chunk, _spoolReadOffset + RecordHeaderBytes);
        return chunk;
    }

    private void ReadExactly(Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            int read = RandomAccess.Read(_spool!, destination, offset);
            if (read == 0)
            {
                throw new IOException($"Spool file {SpoolPath} ended early at offset {offset}.");
            }

            destination = destination[read..];
            offset += read;
        }
    }
}
