namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>Indexes into c_cc, asm-generic/termbits.h.</summary>
internal enum ControlCharacter
{
    VTIME = 5,
    VMIN = 6,
}
