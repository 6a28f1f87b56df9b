namespace PosLoyalty.Service.Tap;

/// <summary>
/// One duplex connection to the POS as the tap sees it: what the POS sends to "the printer" is read here,
/// and what the real printer answers (status replies, ASB, XON/XOFF) is written back. A TCP input gives one
/// link per connection; a serial port, gadget or FIFO gives one link for as long as the device stays.
/// </summary>
public interface IPosLink : IAsyncDisposable
{
    /// <summary>Where the link goes, for logs (a device path or the POS's address and port).</summary>
    string Name { get; }

    /// <summary>Whether bytes can go back to the POS; false for a FIFO or file.</summary>
    bool HasBackChannel { get; }

    /// <summary>Printer-to-POS bytes dropped because the link has no back channel or had already closed.</summary>
    long DroppedToPosBytes { get; }

    /// <summary>Reads the next bytes the POS sent; 0 when this link has ended (connection closed, end of file).</summary>
    /// <exception cref="IOException">The link broke (device unplugged, connection reset).</exception>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>
    /// Sends printer bytes back to the POS unchanged; counted in <see cref="DroppedToPosBytes"/> when it cannot.
    /// Never throws for a broken link (the read side reports that); one caller at a time.
    /// </summary>
    ValueTask WriteToPosAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
