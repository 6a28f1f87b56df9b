namespace PosLoyalty.Service.Tap;

/// <summary>
/// The till's answer at a receipt's cut, as one value: bytes to print in front of the cut, a slip to print after it,
/// or nothing. The pump writes the bytes itself (docs/adr/0006) and then reports, once, where they ended on the printer
/// link — or that it did not write them — so the owner can mark its coupons printed or give them back to the queue.
/// </summary>
public sealed class CutInsertion
{
    private readonly Action<long?>? _written;
    private int _reported;

    private CutInsertion(CutInsertionPlace place, ReadOnlyMemory<byte> bytes, Action<long?>? written)
    {
        Place = place;
        Bytes = bytes;
        _written = written;
    }

    /// <summary>Nothing to add at this cut.</summary>
    public static CutInsertion None { get; } = new(CutInsertionPlace.None, ReadOnlyMemory<byte>.Empty, null);

    public CutInsertionPlace Place { get; }

    /// <summary>What to print; empty for <see cref="CutInsertionPlace.None"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Bytes to queue in front of the cut command.</summary>
    /// <param name="bytes">Embedded coupon bytes: no ESC @ and no cut, or they would reset the POS's receipt.</param>
    /// <param name="written">Called once with the link position after the bytes, or null when they were not written. It must not block.</param>
    public static CutInsertion BeforeCut(ReadOnlyMemory<byte> bytes, Action<long?>? written = null) => Of(CutInsertionPlace.BeforeCut, bytes, written);

    /// <summary>A slip of its own to queue after the cut, when no POS receipt is open on the printer.</summary>
    /// <param name="bytes">A whole slip, with its own ESC @ and cut.</param>
    /// <param name="written">Called once with the link position after the slip, or null when it was not written. It must not block.</param>
    public static CutInsertion SlipAfterCut(ReadOnlyMemory<byte> bytes, Action<long?>? written = null) => Of(CutInsertionPlace.SlipAfterCut, bytes, written);

    /// <summary>The pump wrote the bytes and they end at <paramref name="endPosition"/>, or (null) did not write them. Only the first call counts.</summary>
    internal void Report(long? endPosition)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            _written?.Invoke(endPosition);
        }
    }

    private static CutInsertion Of(CutInsertionPlace place, ReadOnlyMemory<byte> bytes, Action<long?>? written) =>
        bytes.IsEmpty && written is null ? None : new CutInsertion(place, bytes, written);
}
