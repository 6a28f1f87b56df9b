namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>tcflush(3) queue selectors, asm-generic/termbits-common.h.</summary>
internal enum FlushQueue
{
    TCIFLUSH = 0,
    TCOFLUSH = 1,
    TCIOFLUSH = 2,
}
