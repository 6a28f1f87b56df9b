namespace PosLoyalty.Drivers.Scanner;

/// <summary>
/// Scans the framer has completed but <c>ReadAsync</c> has not yet returned: one read can complete several,
/// and they are handed out one per call, in order.
/// </summary>
internal sealed class PendingScans
{
    private readonly List<Scan> scans = [];
    private int next;

    /// <summary>Where the framer adds completed scans.</summary>
    public ICollection<Scan> Sink => scans;

    public bool TryTake(out Scan scan)
    {
        if (next < scans.Count)
        {
            scan = scans[next++];
            if (next == scans.Count)
            {
                scans.Clear();
                next = 0;
            }

            return true;
        }

        scan = null!;
        return false;
    }
}
