namespace PosLoyalty.Service.Tap;

/// <summary>
/// Whether a POS receipt is open on the printer link: the tap's pump has sent bytes of a receipt whose cut has not been
/// queued yet. A slip of our own (ESC @ … cut) queued then would reset the printer in the middle of the POS's receipt
/// (docs/adr/0006), so slips from the pending queue go through <see cref="TryQueueBetweenReceipts"/>, and a slip that
/// had to wait hears <see cref="Reached"/> when the receipt is over. Without a tap no receipt is ever open.
/// </summary>
public sealed class ReceiptBoundary
{
    private readonly Lock _gate = new();
    private bool _receiptOpen;
    private bool _someoneWaits;

    /// <summary>Raised, outside the lock, when a receipt closed while a slip was waiting for it (see <see cref="Wake"/>).</summary>
    public event Action? Reached;

    /// <summary>
    /// Runs <paramref name="enqueue"/> (which queues whole slips on the link) now if no POS receipt is open, holding off
    /// the pump's next receipt until it has returned; otherwise runs nothing, returns false and raises
    /// <see cref="Reached"/> once the receipt is over. <paramref name="enqueue"/> must not block.
    /// </summary>
    public bool TryQueueBetweenReceipts(Action enqueue)
    {
        ArgumentNullException.ThrowIfNull(enqueue);
        lock (_gate)
        {
            if (_receiptOpen)
            {
                _someoneWaits = true;
                return false;
            }

            enqueue();
            return true;
        }
    }

    /// <summary>Asks for <see cref="Reached"/>: at once when no receipt is open, else when the open one is over.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            if (_receiptOpen)
            {
                _someoneWaits = true;
                return;
            }
        }

        Reached?.Invoke();
    }

    /// <summary>The pump is about to queue POS bytes: from now until <see cref="Settle"/> says otherwise a receipt may be open.</summary>
    internal void PosBytesComing()
    {
        lock (_gate)
        {
            _receiptOpen = true;
        }
    }

    /// <summary>The pump has queued what it had: <paramref name="receiptOpen"/> says whether a receipt is still unfinished.</summary>
    internal void Settle(bool receiptOpen)
    {
        bool wake;
        lock (_gate)
        {
            _receiptOpen = receiptOpen;
            wake = !receiptOpen && _someoneWaits;
            if (wake)
            {
                _someoneWaits = false;
            }
        }

        if (wake)
        {
            Reached?.Invoke();
        }
    }
}
