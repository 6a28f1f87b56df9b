using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>Settings go through the real kernel (TCSETS2) and come back through TCGETS2 on a pseudo-terminal.</summary>
public sealed class PtySettingsTests
{
    [Fact]
    public void Settings_9600_8N1_read_back()
    {
        using var pty = PseudoTerminal.Open();
        var settings = new SerialPortSettings(9600);

        using var port = PosixSerialPort.Open(pty.SlavePath, settings);

        Assert.Equal(settings, port.ReadSettings());
    }

    [Fact]
    public void Settings_19200_2_stop_bits_RtsCts_read_back()
    {
        using var pty = PseudoTerminal.Open();
        var settings = new SerialPortSettings(19200, 8, Parity.None, StopBits.Two, FlowControl.RtsCts);

        using var port = PosixSerialPort.Open(pty.SlavePath, settings);

        Assert.Equal(settings, port.ReadSettings());
    }

    [Fact]
    public void Settings_19200_7E2_RtsCts_read_back_with_the_pty_forcing_8N()
    {
        // drivers/tty/pty.c pty_set_termios() clears CSIZE and PARENB and sets CS8 on every pty, so a pty
        // cannot show 7 data bits or parity; the codec tests cover those bits. A real UART keeps them.
        using var pty = PseudoTerminal.Open();

        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(19200, 7, Parity.Even, StopBits.Two, FlowControl.RtsCts));

        Assert.Equal(new SerialPortSettings(19200, 8, Parity.None, StopBits.Two, FlowControl.RtsCts), port.ReadSettings());
    }

    [Fact]
    public void Settings_4800_XonXoff_read_back()
    {
        using var pty = PseudoTerminal.Open();
        var settings = new SerialPortSettings(4800, FlowControl: FlowControl.XonXoff);

        using var port = PosixSerialPort.Open(pty.SlavePath, settings);

        Assert.Equal(settings, port.ReadSettings());
    }

    [Theory]
    [InlineData(31250)]
    [InlineData(250000)]
    [InlineData(921600)]
    [InlineData(1200)]
    [InlineData(115200)]
    public void Custom_baud_rate_reads_back_exactly(int baudRate)
    {
        using var pty = PseudoTerminal.Open();

        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(baudRate));

        Assert.Equal(baudRate, port.ReadSettings().BaudRate);
    }

    [Fact]
    public void Custom_baud_rate_31250_reads_back_exactly()
    {
        using var pty = PseudoTerminal.Open();

        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(31250));

        Assert.Equal(31250, port.ReadSettings().BaudRate);
    }

    [Fact]
    public void Any_baud_rate_from_1200_to_921600_reads_back_exactly()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));

        Prop.ForAll(Gen.Choose(1200, 921600).ToArbitrary(), baudRate =>
        {
            port.ApplySettings(new SerialPortSettings(baudRate));
            return port.ReadSettings().BaudRate == baudRate;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Applying_new_settings_to_an_open_port_replaces_the_old_ones()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600, 7, Parity.Even, StopBits.Two, FlowControl.RtsCts));
        var next = new SerialPortSettings(38400);

        port.ApplySettings(next);

        Assert.Equal(next, port.ReadSettings());
    }
}
