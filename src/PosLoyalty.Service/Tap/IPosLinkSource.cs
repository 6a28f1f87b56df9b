namespace PosLoyalty.Service.Tap;

/// <summary>Hands out POS links one after another: TCP connections as they are accepted, or a device opened (again).</summary>
public interface IPosLinkSource : IAsyncDisposable
{
    /// <summary>What the source listens on or opens, for logs.</summary>
    string Name { get; }

    /// <summary>
    /// The next link: waits for a connection, or opens the device (retrying with capped backoff while it is
    /// missing). Null when the input has ended for good (a capture file read to its end).
    /// </summary>
    ValueTask<IPosLink?> AcceptAsync(CancellationToken cancellationToken);
}
