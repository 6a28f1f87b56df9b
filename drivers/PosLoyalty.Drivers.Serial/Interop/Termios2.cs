using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Interop;

/// <summary>
/// struct termios2 from asm-generic/termbits.h, passed to TCGETS2/TCSETS2 (tty_ioctl(4)).
/// </summary>
/// <remarks>
/// Layout, identical on x86-64, arm64 and armhf (tcflag_t and speed_t are unsigned int, cc_t is
/// unsigned char, NCCS is 19; nothing in it depends on pointer or long size):
/// <code>
/// offset size field
///      0    4 c_iflag
///      4    4 c_oflag
///      8    4 c_cflag
///     12    4 c_lflag
///     16    1 c_line
///     17   19 c_cc[19]
///     36    4 c_ispeed   (aligned: 17 + 19 = 36, no padding)
///     40    4 c_ospeed
///     44      total, matching the size 0x2C encoded in TCGETS2/TCSETS2
/// </code>
/// glibc's userspace struct termios is a different, larger struct (NCCS 32); never pass it here.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios2
{
    public const int ControlCharacterCount = 19;

    public InputFlags InputFlags;
    public OutputFlags OutputFlags;
    public ControlFlags ControlFlags;
    public LocalFlags LocalFlags;
    public byte LineDiscipline;
    public fixed byte ControlCharacters[ControlCharacterCount];
    public uint InputSpeed;
    public uint OutputSpeed;
}
