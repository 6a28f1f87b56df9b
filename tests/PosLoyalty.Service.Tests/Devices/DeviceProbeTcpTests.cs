using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PosLoyalty.Service.Devices;

namespace PosLoyalty.Service.Tests.Devices;

/// <summary>
/// Doctor's probe of tcp:// devices on real sockets on 127.0.0.1: whether the printer at tcp://HOST:PORT connects and
/// answers DLE EOT, and whether the tap's listen address is free, taken, or not this machine's.
/// </summary>
public sealed class DeviceProbeTcpTests
{
    /// <summary>0xx1xx10b with no flag set: the fixed bits of every real-time status byte (ESC/POS DLE EOT).</summary>
    private const byte NoFlagSet = 0x12;

    // How long the probe waits for a connection and for each status answer: a bound of the probe, not of the test.
    private readonly DeviceProbe probe = new(new UnixAccounts()) { Timeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task A_tcp_printer_that_answers_DLE_EOT_is_online_and_healthy()
    {
        using var printer = new FakeTcpPrinter { StatusAnswer = _ => NoFlagSet };

        var report = await probe.ProbeAsync(new DeviceCheck("Printer:Device", printer.Device, DeviceRole.Printer, 9600));

        Assert.Equal("ok", report.Open);
        Assert.Equal("online", report.PrinterStatus?.State);
        Assert.True(report.Healthy, string.Join("; ", report.Problems));
        Assert.Equal(3, printer.StatusRequestsAnswered); // DLE EOT 1, 2 and 4
    }

    [Fact]
    public async Task A_tcp_peer_that_accepts_but_never_answers_is_a_problem_saying_nothing_answered()
    {
        using var silent = new FakeTcpPrinter(); // accepts and keeps the bytes, answers nothing

        var report = await probe.ProbeAsync(new DeviceCheck("Printer:Device", silent.Device, DeviceRole.Printer, 9600));

        Assert.Equal("connected: no answer", report.Open);
        var problem = Assert.Single(report.Problems);
        Assert.StartsWith("Printer:Device tcp://127.0.0.1:" + silent.Port.ToString(CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
        Assert.Contains("nothing answered the status request", problem, StringComparison.Ordinal);
        Assert.Equal([0x10, 0x04, 0x01], silent.WaitForBytes(3, TimeSpan.FromSeconds(60))[..3]); // it was asked
    }

    [Fact]
    public async Task A_tcp_printer_nobody_listens_for_cannot_connect()
    {
        var port = FakeTcpPrinter.FreePort();

        var report = await probe.ProbeAsync(new DeviceCheck("Printer:Device", $"tcp://127.0.0.1:{port}", DeviceRole.Printer, 9600));

        Assert.StartsWith("failed: ", report.Open, StringComparison.Ordinal);
        Assert.Contains("cannot connect", Assert.Single(report.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:9100/queue")]
    [InlineData("tcp://:9100")]
    public async Task A_malformed_tcp_printer_address_is_a_problem_naming_the_key_and_nothing_is_dialled(string device)
    {
        var report = await probe.ProbeAsync(new DeviceCheck("Printer:Device", device, DeviceRole.Printer, 9600));

        Assert.Equal("not tried", report.Open);
        var problem = Assert.Single(report.Problems);
        Assert.StartsWith($"Printer:Device '{device}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_free_tap_listen_address_is_reported_free()
    {
        var port = FakeTcpPrinter.FreePort();

        var report = await probe.ProbeAsync(new DeviceCheck("ReceiptTap:Input", $"tcp://127.0.0.1:{port}", DeviceRole.ReceiptTap, 9600));

        Assert.Equal("ok", report.Open);
        Assert.True(report.Healthy);
        Assert.Contains("is free", Assert.Single(report.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tap_listen_address_something_already_listens_on_is_reported_in_use_and_left_alone()
    {
        using var running = new TcpListener(IPAddress.Loopback, 0);
        running.Start();
        var port = ((IPEndPoint)running.LocalEndpoint).Port;

        var report = await probe.ProbeAsync(new DeviceCheck("ReceiptTap:Input", $"tcp://127.0.0.1:{port}", DeviceRole.ReceiptTap, 9600));

        Assert.Equal("skipped: in use", report.Open);
        Assert.True(report.Healthy);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port); // the listener still accepts: the probe took nothing from it
    }

    [Fact]
    public async Task A_tap_listen_address_that_is_not_this_machines_is_a_problem()
    {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): bound for a moment, never sent to, and on no interface here.
        var report = await probe.ProbeAsync(new DeviceCheck("ReceiptTap:Input", "tcp://192.0.2.1:9100", DeviceRole.ReceiptTap, 9600));

        Assert.StartsWith("failed: ", report.Open, StringComparison.Ordinal);
        Assert.Contains("is not an address of this machine", Assert.Single(report.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tap_listen_address_without_a_port_is_the_tap_parsers_error()
    {
        var report = await probe.ProbeAsync(new DeviceCheck("ReceiptTap:Input", "tcp://0.0.0.0", DeviceRole.ReceiptTap, 9600));

        Assert.Equal("not tried", report.Open);
        Assert.Contains("ReceiptTap:Input \"tcp://0.0.0.0\" has no port", Assert.Single(report.Problems), StringComparison.Ordinal);
    }
}
