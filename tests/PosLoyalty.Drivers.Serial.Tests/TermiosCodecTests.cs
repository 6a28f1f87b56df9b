using FsCheck;
using FsCheck.Fluent;
using PosLoyalty.Drivers.Serial.Interop;
using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

public sealed class TermiosCodecTests
{
    [Fact]
    public void Baud_9600_is_sent_as_the_number_9600_with_BOTHER_never_as_a_B_constant()
    {
        // Regression: cfsetspeed(B9600) via P/Invoke set 13 baud after glibc 2.42 changed the B constants.
        var termios = Encode(new SerialPortSettings(9600));

        Assert.Equal(ControlFlags.BOTHER, termios.ControlFlags & ControlFlags.CBAUD);
        Assert.Equal(ControlFlags.IBOTHER, termios.ControlFlags & ControlFlags.CIBAUD);
        Assert.Equal(9600u, termios.OutputSpeed);
        Assert.Equal(9600u, termios.InputSpeed);
    }

    [Fact]
    public void Raw_mode_turns_off_line_editing_echo_signals_and_output_processing()
    {
        var cooked = new Termios2
        {
            InputFlags = InputFlags.ICRNL | InputFlags.IXON | InputFlags.ISTRIP | InputFlags.BRKINT,
            OutputFlags = OutputFlags.OPOST,
            LocalFlags = LocalFlags.ICANON | LocalFlags.ECHO | LocalFlags.ISIG | LocalFlags.IEXTEN | LocalFlags.ECHONL,
            ControlFlags = ControlFlags.CS7 | ControlFlags.PARENB,
        };

        TermiosCodec.Encode(ref cooked, new SerialPortSettings(9600));

        Assert.Equal(InputFlags.IGNBRK, cooked.InputFlags);
        Assert.Equal(OutputFlags.None, cooked.OutputFlags);
        Assert.Equal(LocalFlags.None, cooked.LocalFlags);
        Assert.Equal(ControlFlags.CS8, cooked.ControlFlags & ControlFlags.CSIZE);
        Assert.Equal(ControlFlags.CREAD | ControlFlags.CLOCAL, cooked.ControlFlags & (ControlFlags.CREAD | ControlFlags.CLOCAL));
    }

    [Fact]
    public unsafe void Vmin_is_one_so_an_empty_nonblocking_read_reports_EAGAIN_not_end_of_file()
    {
        var termios = Encode(new SerialPortSettings(9600));

        Assert.Equal(1, termios.ControlCharacters[(int)ControlCharacter.VMIN]);
        Assert.Equal(0, termios.ControlCharacters[(int)ControlCharacter.VTIME]);
    }

    [Fact]
    public void Settings_19200_7E2_RtsCts_set_CS7_PARENB_CSTOPB_CRTSCTS_and_not_PARODD()
    {
        var flags = Encode(new SerialPortSettings(19200, 7, Parity.Even, StopBits.Two, FlowControl.RtsCts)).ControlFlags;

        Assert.Equal(ControlFlags.CS7, flags & ControlFlags.CSIZE);
        Assert.True(flags.HasFlag(ControlFlags.PARENB));
        Assert.False(flags.HasFlag(ControlFlags.PARODD));
        Assert.True(flags.HasFlag(ControlFlags.CSTOPB));
        Assert.True(flags.HasFlag(ControlFlags.CRTSCTS));
    }

    [Fact]
    public void Odd_parity_sets_PARODD_and_checks_input_parity()
    {
        var termios = Encode(new SerialPortSettings(9600, Parity: Parity.Odd));

        Assert.True(termios.ControlFlags.HasFlag(ControlFlags.PARENB | ControlFlags.PARODD));
        Assert.True(termios.InputFlags.HasFlag(InputFlags.INPCK));
    }

    [Fact]
    public void XonXoff_sets_IXON_and_IXOFF_and_leaves_CRTSCTS_off()
    {
        var termios = Encode(new SerialPortSettings(9600, FlowControl: FlowControl.XonXoff));

        Assert.True(termios.InputFlags.HasFlag(InputFlags.IXON | InputFlags.IXOFF));
        Assert.False(termios.ControlFlags.HasFlag(ControlFlags.CRTSCTS));
    }

    [Fact]
    public void Hang_up_on_close_is_kept_as_the_port_had_it()
    {
        var withHupcl = new Termios2 { ControlFlags = ControlFlags.HUPCL | ControlFlags.PARENB };
        var withoutHupcl = new Termios2 { ControlFlags = ControlFlags.PARENB };

        TermiosCodec.Encode(ref withHupcl, new SerialPortSettings(9600));
        TermiosCodec.Encode(ref withoutHupcl, new SerialPortSettings(9600));

        Assert.True(withHupcl.ControlFlags.HasFlag(ControlFlags.HUPCL));
        Assert.False(withoutHupcl.ControlFlags.HasFlag(ControlFlags.HUPCL));
    }

    [Fact]
    public void Every_valid_setting_decodes_to_what_was_encoded()
    {
        var settings =
            from baudRate in Gen.Choose(SerialPortSettings.MinimumBaudRate, SerialPortSettings.MaximumBaudRate)
            from dataBits in Gen.Choose(5, 8)
            from parity in Gen.Elements(Enum.GetValues<Parity>())
            from stopBits in Gen.Elements(Enum.GetValues<StopBits>())
            from flowControl in Gen.Elements(Enum.GetValues<FlowControl>())
            select new SerialPortSettings(baudRate, dataBits, parity, stopBits, flowControl);

        Prop.ForAll(settings.ToArbitrary(), s => TermiosCodec.Decode(Encode(s)) == s)
            .QuickCheckThrowOnFailure();
    }

    private static Termios2 Encode(SerialPortSettings settings)
    {
        var termios = default(Termios2);
        TermiosCodec.Encode(ref termios, settings);
        return termios;
    }
}
