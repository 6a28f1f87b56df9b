using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

public sealed class SerialPortSettingsTests
{
    [Fact]
    public void Defaults_are_8N1_without_flow_control()
    {
        var settings = new SerialPortSettings(9600);

        Assert.Equal((8, Parity.None, StopBits.One, FlowControl.None), (settings.DataBits, settings.Parity, settings.StopBits, settings.FlowControl));
    }

    [Theory]
    [InlineData(9600, 8, Parity.None, StopBits.One, FlowControl.None, "9600 8N1")]
    [InlineData(19200, 7, Parity.Even, StopBits.Two, FlowControl.RtsCts, "19200 7E2 RtsCts")]
    [InlineData(4800, 7, Parity.Odd, StopBits.One, FlowControl.XonXoff, "4800 7O1 XonXoff")]
    public void Settings_print_in_conventional_notation(int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flow, string expected) =>
        Assert.Equal(expected, new SerialPortSettings(baud, dataBits, parity, stopBits, flow).ToString());

    [Theory]
    [InlineData(0, 8, "BaudRate 0")]
    [InlineData(49, 8, "BaudRate 49")]
    [InlineData(4_000_001, 8, "BaudRate 4000001")]
    [InlineData(9600, 9, "DataBits 9")]
    [InlineData(9600, 4, "DataBits 4")]
    public void Out_of_range_settings_are_rejected_before_the_device_is_touched(int baud, int dataBits, string named)
    {
        // The path does not exist: an ArgumentException (not ENOENT) proves validation came first.
        var error = Assert.Throws<ArgumentException>(
            () => PosixSerialPort.Open("/dev/does-not-exist-posloyalty", new SerialPortSettings(baud, dataBits)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_parity_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => PosixSerialPort.Open("/dev/does-not-exist-posloyalty", new SerialPortSettings(9600, Parity: (Parity)7)));

        Assert.Contains("Parity 7", error.Message, StringComparison.Ordinal);
    }
}
