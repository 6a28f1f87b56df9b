namespace PosLoyalty.Service.Tap;

/// <summary>
/// What the till adds at a receipt's cut: bytes to print in front of the cut, and an action to run once the cut
/// itself (and the rest of the chunk it arrived in) has been queued for the printer — where a coupon on a slip of
/// its own goes (`Printer:CouponPlacement` AfterCut).
/// </summary>
/// <param name="BeforeCut">Queued before the cut command; empty for none.</param>
/// <param name="AfterCutQueued">Run on the pump's loop right after the cut is queued; null for none. It must not block.</param>
public sealed record CutInsertion(ReadOnlyMemory<byte> BeforeCut, Action? AfterCutQueued = null)
{
    public static CutInsertion None { get; } = new(ReadOnlyMemory<byte>.Empty);
}
