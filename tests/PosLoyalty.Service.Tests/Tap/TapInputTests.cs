using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

public sealed class TapInputTests
{
    [Theory]
    [InlineData("/dev/ttyUSB0", TapInputKind.Serial, "/dev/ttyUSB0")]
    [InlineData("/dev/pos/pos-in", TapInputKind.Serial, "/dev/pos/pos-in")]
    [InlineData("/dev/serial/by-id/usb-FTDI_FT232R-if00-port0", TapInputKind.Serial, "/dev/serial/by-id/usb-FTDI_FT232R-if00-port0")]
    [InlineData("serial:/home/pos/tty", TapInputKind.Serial, "/home/pos/tty")]
    [InlineData("/dev/g_printer0", TapInputKind.PrinterGadget, "/dev/g_printer0")]
    [InlineData("/run/posloyalty/receipts.fifo", TapInputKind.File, "/run/posloyalty/receipts.fifo")]
    [InlineData("file:/dev/shm/capture.bin", TapInputKind.File, "/dev/shm/capture.bin")]
    public void Paths_are_classified_by_form(string value, TapInputKind kind, string path)
    {
        TapInput input = TapInput.Parse(value, 19200);

        Assert.Equal(kind, input.Kind);
        Assert.Equal(path, input.Path);
        Assert.Equal(kind == TapInputKind.Serial ? 19200 : 0, input.BaudRate);
        Assert.Equal(kind != TapInputKind.File, input.HasBackChannel);
    }

    [Theory]
    [InlineData("tcp://0.0.0.0:9100", "0.0.0.0", 9100)]
    [InlineData("tcp://127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("TCP://[::]:9101", "::", 9101)]
    public void Tcp_is_a_port_to_listen_on(string value, string host, int port)
    {
        TapInput input = TapInput.Parse(value);

        Assert.Equal(TapInputKind.TcpListen, input.Kind);
        Assert.Equal(host, input.Host);
        Assert.Equal(port, input.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ttyUSB0")]
    [InlineData("tcp://0.0.0.0")]
    [InlineData("tcp://host:9100/path")]
    [InlineData("http://printer:9100")]
    [InlineData("unix:/run/pos.sock")]
    [InlineData("serial:relative/tty")]
    [InlineData("/dev/")]
    public void Unparseable_values_name_the_key_the_value_and_what_is_allowed(string value)
    {
        var error = Assert.Throws<FormatException>(() => TapInput.Parse(value));

        Assert.Contains("ReceiptTap:Input", error.Message, StringComparison.Ordinal);
        Assert.Contains(value.Trim(), error.Message, StringComparison.Ordinal);
        Assert.True(
            error.Message.Contains("allowed", StringComparison.Ordinal) || error.Message.Contains("tcp://", StringComparison.Ordinal),
            error.Message);
    }

    [Fact]
    public void Serial_baud_rate_out_of_range_is_an_error_naming_the_key()
    {
        var error = Assert.Throws<FormatException>(() => TapInput.Parse("/dev/ttyUSB0", 10));

        Assert.Contains("ReceiptTap:Input", error.Message, StringComparison.Ordinal);
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
    }
}
