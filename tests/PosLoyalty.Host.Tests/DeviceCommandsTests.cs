using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PosLoyalty.Host.Tests;

/// <summary>`scanner listen` on a real pty and `printer test` to a real TCP listener, through the executable.</summary>
public sealed class DeviceCommandsTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Scanner_listen_on_a_pty_prints_exactly_the_codes_written()
    {
        using var pty = PseudoTerminal.Open();
        using var process = PosLoyaltyProcess.Start(cli.Directory, "scanner", "listen", "--device", pty.SlavePath, "--baud", "9600", "--count", "3", "--json");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        pty.WaitUntilRaw(TimeSpan.FromSeconds(30));
        pty.Write(Encoding.ASCII.GetBytes("4006381333931\r\n"));          // CRLF
        Thread.Sleep(100);
        pty.Write(Encoding.ASCII.GetBytes("\u000212345678\u0003"));       // STX … ETX
        Thread.Sleep(100);
        pty.Write(Encoding.ASCII.GetBytes("]E09780201379624\r"));          // AIM id for EAN-13, then CR

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        var scans = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        Assert.Equal(["4006381333931", "12345678", "9780201379624"], scans.Select(s => s.GetProperty("code").GetString()));
        Assert.Equal("Ean13", scans[2].GetProperty("symbology").GetString());
        Assert.All(scans, s => Assert.True(s.TryGetProperty("at", out _)));
    }

    [Fact]
    public async Task Printer_test_to_a_tcp_listener_delivers_a_coupon_with_a_native_code_and_a_cut()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var buffer = new MemoryStream();
            await client.GetStream().CopyToAsync(buffer);
            return buffer.ToArray();
        });

        var result = cli.Run("printer", "test", "--device", $"tcp://127.0.0.1:{port}", "--columns", "42", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = await received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(result.Json().GetProperty("bytes").GetInt32(), bytes.Length);
        Assert.Equal(new byte[] { 0x1B, 0x40 }, bytes[..2]);                              // ESC @
        Assert.True(Contains(bytes, [0x1D, 0x6B]) || Contains(bytes, [0x1D, 0x28, 0x6B]));  // GS k barcode or GS ( k QR
        Assert.True(Contains(bytes[^4..], [0x1D, 0x56]), "the coupon does not end with a cut (GS V)");
        Assert.True(bytes.Length < 1024, $"coupon is {bytes.Length} bytes");
    }

    [Fact]
    public void Printer_test_to_a_closed_port_fails_with_a_clear_line()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = cli.Run("printer", "test", "--device", $"tcp://127.0.0.1:{port}");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanner_listen_on_a_missing_device_fails_with_a_clear_line()
    {
        var result = cli.Run("scanner", "listen", "--device", "/dev/pos/no-such-scanner", "--count", "1");

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("/dev/pos/no-such-scanner", result.Stderr, StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
