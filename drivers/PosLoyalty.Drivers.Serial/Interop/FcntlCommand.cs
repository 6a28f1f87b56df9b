namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>fcntl(2) commands, include/uapi/asm-generic/fcntl.h (the same on x86-64, arm64 and armhf).</summary>
internal enum FcntlCommand
{
    F_GETFL = 3,
    F_SETFL = 4,
}
