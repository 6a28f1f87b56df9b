using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>
/// A file descriptor closed with close(2). Every system call takes a <see cref="FdLease"/> so a
/// concurrent Dispose can never close the descriptor (and let its number be reused) mid-call.
/// </summary>
internal sealed class SafeFdHandle : SafeHandle
{
    private SafeFdHandle(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>Takes ownership of a descriptor returned by open(2); -1 gives an invalid handle.</summary>
    public static SafeFdHandle FromResult(int fd) => new(fd);

    /// <summary>Pins the descriptor open until the lease is disposed; throws ObjectDisposedException once closed.</summary>
    public FdLease Lease()
    {
        var added = false;
        DangerousAddRef(ref added);
        return new FdLease(this, (int)handle);
    }

    protected override bool ReleaseHandle() => LibC.Close((int)handle) == 0;
}
