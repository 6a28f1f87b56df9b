namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>The errno values this driver acts on (asm-generic/errno-base.h, the same on x86-64, arm64 and armhf).</summary>
internal enum Errno
{
    EPERM = 1,
    ENOENT = 2,
    EINTR = 4,
    EIO = 5,
    ENXIO = 6,
    EBADF = 9,
    EAGAIN = 11,
    EACCES = 13,
    EBUSY = 16,
    ENODEV = 19,
    EINVAL = 22,
    ENOTTY = 25,
}
