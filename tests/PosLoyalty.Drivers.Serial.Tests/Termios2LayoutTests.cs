using System.Runtime.InteropServices;
using PosLoyalty.Drivers.Serial.Interop;
using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>
/// struct termios2 must match asm-generic/termbits.h byte for byte; the ioctl numbers carry its size,
/// so a wrong size would make the kernel reject (or worse, misread) every TCGETS2/TCSETS2.
/// </summary>
public sealed class Termios2LayoutTests
{
    [Fact]
    public unsafe void Termios2_is_44_bytes_as_on_x64_arm64_and_armhf()
    {
        Assert.Equal(44, sizeof(Termios2));
        Assert.Equal(44, Marshal.SizeOf<Termios2>());
    }

    [Theory]
    [InlineData(nameof(Termios2.InputFlags), 0)]
    [InlineData(nameof(Termios2.OutputFlags), 4)]
    [InlineData(nameof(Termios2.ControlFlags), 8)]
    [InlineData(nameof(Termios2.LocalFlags), 12)]
    [InlineData(nameof(Termios2.LineDiscipline), 16)]
    [InlineData(nameof(Termios2.ControlCharacters), 17)]
    [InlineData(nameof(Termios2.InputSpeed), 36)]
    [InlineData(nameof(Termios2.OutputSpeed), 40)]
    public void Termios2_field_sits_at_the_kernel_offset(string field, int offset) =>
        Assert.Equal(offset, (int)Marshal.OffsetOf<Termios2>(field));

    [Fact]
    public void Termios2_has_19_control_characters() => Assert.Equal(19, Termios2.ControlCharacterCount);

    [Fact]
    public unsafe void Ioctl_numbers_encode_the_termios2_size_as_the_generic_IOC_macro_does()
    {
        // _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr; _IOC_READ = 2, _IOC_WRITE = 1.
        static uint Ioc(uint direction, char type, uint number, int size) =>
            direction << 30 | (uint)size << 16 | (uint)type << 8 | number;

        Assert.Equal((uint)IoctlRequest.TCGETS2, Ioc(2, 'T', 0x2A, sizeof(Termios2)));
        Assert.Equal((uint)IoctlRequest.TCSETS2, Ioc(1, 'T', 0x2B, sizeof(Termios2)));
        Assert.Equal(0x802C542Au, (uint)IoctlRequest.TCGETS2);
        Assert.Equal(0x402C542Bu, (uint)IoctlRequest.TCSETS2);
        Assert.Equal((uint)IoctlRequest.TIOCGEXCL, Ioc(2, 'T', 0x40, sizeof(int)));
    }

    [Fact]
    public void BOTHER_and_CBAUD_have_the_octal_values_of_termbits_h()
    {
        Assert.Equal((uint)ControlFlags.BOTHER, Convert.ToUInt32("010000", 8));
        Assert.Equal((uint)ControlFlags.CBAUD, Convert.ToUInt32("010017", 8));
        Assert.Equal((uint)ControlFlags.CBAUD << 16, (uint)ControlFlags.CIBAUD);
        Assert.Equal((uint)ControlFlags.BOTHER << 16, (uint)ControlFlags.IBOTHER);
    }

    [Fact]
    public unsafe void Pollfd_is_8_bytes_on_every_abi() => Assert.Equal(8, sizeof(PollFd));
}
