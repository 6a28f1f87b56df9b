using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Transports;

public sealed class PrinterDeviceTests
{
    [Theory]
    [InlineData("/dev/usb/lp0", PrinterDeviceKind.LinePrinter, "/dev/usb/lp0")]
    [InlineData("/dev/lp1", PrinterDeviceKind.LinePrinter, "/dev/lp1")]
    [InlineData("file:/tmp/capture.bin", PrinterDeviceKind.File, "/tmp/capture.bin")]
    [InlineData("file:/run/posloyalty/printer.fifo", PrinterDeviceKind.File, "/run/posloyalty/printer.fifo")]
    [InlineData("/dev/ttyUSB0", PrinterDeviceKind.Serial, "/dev/ttyUSB0")]
    [InlineData("/dev/ttyS1", PrinterDeviceKind.Serial, "/dev/ttyS1")]
    [InlineData("/dev/ttyACM0", PrinterDeviceKind.Serial, "/dev/ttyACM0")]
    [InlineData("/dev/serial/by-id/usb-Prolific_PL2303-if00-port0", PrinterDeviceKind.Serial, "/dev/serial/by-id/usb-Prolific_PL2303-if00-port0")]
    [InlineData("serial:/dev/pos/printer", PrinterDeviceKind.Serial, "/dev/pos/printer")]
    [InlineData("/dev/pos/printer", PrinterDeviceKind.File, "/dev/pos/printer")]
    public void Paths_name_their_kind_of_device(string text, PrinterDeviceKind kind, string path)
    {
        var device = PrinterDevice.Parse(text);

        Assert.Equal(kind, device.Kind);
        Assert.Equal(path, device.Path);
        Assert.Null(device.Host);
    }

    [Theory]
    [InlineData("tcp://192.168.1.50", "192.168.1.50", 9100)]
    [InlineData("tcp://192.168.1.50:9100", "192.168.1.50", 9100)]
    [InlineData("tcp://printer.local:9101", "printer.local", 9101)]
    [InlineData("TCP://Printer.Local", "printer.local", 9100)]
    [InlineData("tcp://[::1]:9100", "::1", 9100)]
    public void Tcp_devices_default_to_port_9100(string text, string host, int port)
    {
        var device = PrinterDevice.Parse(text);

        Assert.Equal(PrinterDeviceKind.Tcp, device.Kind);
        Assert.Equal(host, device.Host);
        Assert.Equal(port, device.Port);
        Assert.Null(device.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("lp0")]
    [InlineData("tcp://")]
    [InlineData("tcp://printer:0")]
    [InlineData("tcp://printer:70000")]
    [InlineData("tcp://printer:9100/queue")]
    [InlineData("http://printer")]
    [InlineData("file:")]
    public void Strings_that_name_no_device_fail_with_a_message_naming_them(string text)
    {
        Assert.False(PrinterDevice.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => PrinterDevice.Parse(text));
    }

    [Theory]
    [InlineData("tcp://10.0.0.5", "tcp://10.0.0.5:9100")]
    [InlineData("tcp://[::1]", "tcp://[::1]:9100")]
    [InlineData("file:/tmp/x", "file:/tmp/x")]
    [InlineData("/dev/ttyUSB0", "serial:/dev/ttyUSB0")]
    [InlineData("/dev/usb/lp0", "/dev/usb/lp0")]
    public void Canonical_string_parses_back_to_the_same_device(string text, string canonical)
    {
        var device = PrinterDevice.Parse(text);

        Assert.Equal(canonical, device.ToString());
        Assert.Equal(device, PrinterDevice.Parse(canonical));
    }

    [Fact]
    public void Serial_devices_are_left_to_the_host_to_open()
    {
        var error = Assert.Throws<NotSupportedException>(() => PrinterTransport.Open(PrinterDevice.Parse("/dev/ttyUSB0")));

        Assert.Contains("PosLoyalty.Drivers.Serial", error.Message, StringComparison.Ordinal);
    }
}
