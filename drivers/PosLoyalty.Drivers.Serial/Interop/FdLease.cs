using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>A reference on a <see cref="SafeFdHandle"/> for the length of a system call.</summary>
internal readonly ref struct FdLease
{
    private readonly SafeHandle _owner;

    public FdLease(SafeHandle owner, int fd)
    {
        _owner = owner;
        Fd = fd;
    }

    public int Fd { get; }

    public void Dispose() => _owner.DangerousRelease();
}
