namespace PosLoyalty.Drivers.EscPos.Tests.Transports;

public sealed class TcpDeviceAddressTests
{
    [Theory]
    [InlineData("tcp://192.168.1.50:9100", "192.168.1.50", 9100)]
    [InlineData("tcp://[::1]:7300", "::1", 7300)]
    [InlineData("tcp://printer.local:9100", "printer.local", 9100)]
    public void Format_writes_what_TryParse_reads_back(string expected, string address, int port)
    {
        var text = TcpDeviceAddress.Format(address, port);

        Assert.Equal(expected, text);
        Assert.True(TcpDeviceAddress.TryParse(text, out var parsed, out _));
        Assert.Equal((address, port), (parsed.Address, parsed.Port!.Value));
    }

    [Fact]
    public void An_ipv6_literal_keeps_its_brackets_for_messages_and_drops_them_for_the_socket()
    {
        Assert.True(TcpDeviceAddress.TryParse("tcp://[::1]:7300", out var address, out var problem));

        Assert.Equal(TcpDeviceAddressProblem.None, problem);
        Assert.Equal(new TcpDeviceAddress("[::1]", "::1", 7300), address);
    }

    [Fact]
    public void A_port_left_out_is_null_so_each_caller_chooses_a_default_or_refuses()
    {
        Assert.True(TcpDeviceAddress.TryParse("TCP://printer.local", out var address, out _));

        Assert.Equal("printer.local", address.Address);
        Assert.Null(address.Port);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:9100/queue", TcpDeviceAddressProblem.MoreThanHostAndPort)]
    [InlineData("tcp://user@127.0.0.1:9100", TcpDeviceAddressProblem.MoreThanHostAndPort)]
    [InlineData("tcp://127.0.0.1:9100?x=1", TcpDeviceAddressProblem.MoreThanHostAndPort)]
    [InlineData("tcp://", TcpDeviceAddressProblem.NotAnAddress)]
    [InlineData("unix:/run/pos.sock", TcpDeviceAddressProblem.NotAnAddress)]
    public void Anything_but_host_and_port_is_refused_saying_why(string text, TcpDeviceAddressProblem expected)
    {
        Assert.False(TcpDeviceAddress.TryParse(text, out _, out var problem));

        Assert.Equal(expected, problem);
    }
}
