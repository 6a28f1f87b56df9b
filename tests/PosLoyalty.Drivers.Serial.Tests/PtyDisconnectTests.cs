using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>Closing the pty master hangs the slave up, which is what an unplugged USB-serial adapter does.</summary>
public sealed class PtyDisconnectTests
{
    // Only catches a hang: on a loaded machine a pty round trip may take seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pending_read_throws_disconnected_when_the_device_hangs_up()
    {
        var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);

        var read = port.ReadAsync(new byte[8], cancellation.Token).AsTask();
        await Task.Delay(100);
        pty.HangUp();

        // Noticed while the read is pending, without more data: the read ends with the hang-up, not the token.
        var error = await Assert.ThrowsAsync<SerialPortDisconnectedException>(() => read.WaitAsync(Timeout));
        Assert.Equal(pty.SlavePath, error.DevicePath);
        Assert.Contains(pty.SlavePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_after_hang_up_throws_disconnected()
    {
        var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);

        pty.HangUp();

        await Assert.ThrowsAsync<SerialPortDisconnectedException>(
            () => port.ReadAsync(new byte[8], cancellation.Token).AsTask().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Write_after_hang_up_throws_disconnected()
    {
        var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);

        pty.HangUp();

        await Assert.ThrowsAsync<SerialPortDisconnectedException>(
            () => port.WriteAsync(new byte[] { 1, 2, 3 }, cancellation.Token).AsTask().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Synchronous_read_blocked_in_poll_throws_disconnected_on_hang_up()
    {
        var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));

        var read = Blocking.Run(() => port.Read(new byte[8], 0, 8));
        await Task.Delay(100);
        pty.HangUp();

        await Assert.ThrowsAsync<SerialPortDisconnectedException>(() => read.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Removed_udev_style_symlink_is_reported_as_disconnected()
    {
        // A udev SYMLINK+="pos/scanner" disappears when the device does; the port must not wait forever.
        using var pty = PseudoTerminal.Open();
        var directory = Directory.CreateTempSubdirectory("posloyalty-serial-");
        var link = Path.Combine(directory.FullName, "scanner");
        File.CreateSymbolicLink(link, pty.SlavePath);
        try
        {
            using var port = PosixSerialPort.Open(link, new SerialPortSettings(9600));
            using var cancellation = new CancellationTokenSource(Timeout);
            var read = port.ReadAsync(new byte[8], cancellation.Token).AsTask();
            await Task.Delay(100);

            File.Delete(link);

            var error = await Assert.ThrowsAsync<SerialPortDisconnectedException>(() => read.WaitAsync(Timeout));
            Assert.Equal(link, error.DevicePath);
            Assert.Contains("device node removed", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_port_reopened_after_the_device_returns_works()
    {
        // What a supervisor does: on SerialPortDisconnectedException, dispose, wait for the path, open again.
        var first = PseudoTerminal.Open();
        var port = PosixSerialPort.Open(first.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);
        first.HangUp();
        await Assert.ThrowsAsync<SerialPortDisconnectedException>(() => port.ReadAsync(new byte[1], cancellation.Token).AsTask());
        await port.DisposeAsync();

        using var second = PseudoTerminal.Open();
        using var reopened = PosixSerialPort.Open(second.SlavePath, new SerialPortSettings(9600));
        second.Write("R");
        var buffer = new byte[1];

        Assert.Equal(1, await reopened.ReadAsync(buffer, cancellation.Token));
        Assert.Equal((byte)'R', buffer[0]);
    }
}
