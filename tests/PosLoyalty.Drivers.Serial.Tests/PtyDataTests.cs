using System.Text;
using Xunit;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>Bytes through a real pseudo-terminal in raw mode; every wait is bounded so nothing can hang.</summary>
public sealed class PtyDataTests
{
    // Only catches a hang: on a loaded machine a pty round trip may take seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Bytes_sent_by_the_device_arrive_in_ReadAsync()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);

        pty.Write("4006381333931\r");
        var received = await ReadExactlyAsync(port, 14, cancellation.Token);

        Assert.Equal("4006381333931\r", Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task Pending_read_completes_when_the_device_sends_later()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);
        var buffer = new byte[16];

        var read = port.ReadAsync(buffer, cancellation.Token).AsTask();
        await Task.Delay(200);
        Assert.False(read.IsCompleted);
        pty.Write("A");

        Assert.Equal(1, await read.WaitAsync(Timeout));
        Assert.Equal((byte)'A', buffer[0]);
    }

    [Fact]
    public async Task Bytes_written_to_the_port_arrive_at_the_device()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(19200));
        using var cancellation = new CancellationTokenSource(Timeout);

        await port.WriteAsync(new byte[] { 0x1B, 0x40, 0x0A, 0x1D, 0x56, 0x00 }, cancellation.Token);

        Assert.Equal(new byte[] { 0x1B, 0x40, 0x0A, 0x1D, 0x56, 0x00 }, pty.ReadExactly(6, Timeout));
    }

    [Fact]
    public async Task Raw_mode_passes_all_256_byte_values_unchanged_both_ways()
    {
        // CR, LF, ^C, ^S/^Q, DEL and 0xFF would be translated, eaten or turned into signals in cooked mode.
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(115200));
        using var cancellation = new CancellationTokenSource(Timeout);
        var everyByte = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

        pty.Write(everyByte);
        var received = await ReadExactlyAsync(port, 256, cancellation.Token);
        await port.WriteAsync(everyByte, cancellation.Token);
        var sent = pty.ReadExactly(256, Timeout);

        Assert.Equal(everyByte, received);
        Assert.Equal(everyByte, sent);
    }

    [Fact]
    public async Task A_write_larger_than_the_kernel_buffer_waits_for_room_and_delivers_every_byte()
    {
        // 256 KiB is far more than a pty queue holds, so the write must meet EAGAIN and wait for POLLOUT.
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(921600));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var data = new byte[256 * 1024];
        new Random(42).NextBytes(data);

        var write = port.WriteAsync(data, cancellation.Token).AsTask();
        var received = await Blocking.Run(() => pty.ReadExactly(data.Length, TimeSpan.FromSeconds(15)));
        await write.WaitAsync(Timeout);

        Assert.Equal(data, received);
    }

    [Fact]
    public async Task Synchronous_read_and_write_work_too()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        var buffer = new byte[8];

        var read = Blocking.Run(() => port.Read(buffer, 0, buffer.Length));
        await Task.Delay(100);
        pty.Write("ok");
        var count = await read.WaitAsync(Timeout);
        port.Write("hi"u8);

        Assert.Equal("ok", Encoding.ASCII.GetString(buffer, 0, count));
        Assert.Equal("hi"u8.ToArray(), pty.ReadExactly(2, Timeout));
    }

    [Fact]
    public async Task Cancelled_read_ends_with_cancellation_and_the_port_keeps_working()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        var buffer = new byte[4];
        using var cancellation = new CancellationTokenSource();
        var read = port.ReadAsync(buffer, cancellation.Token).AsTask();
        await Task.Delay(200);

        await cancellation.CancelAsync();

        // Cancellation ends the timer wait; nothing is blocked in poll(2) to wake. A read that ignored the token would
        // end only when data came: WaitAsync's TimeoutException, not OperationCanceledException. How soon it ends is
        // scheduling on a loaded machine (674 ms measured in a CI run of the whole solution), so it is not asserted.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Timeout));
        pty.Write("Z");
        using var next = new CancellationTokenSource(Timeout);
        Assert.Equal(1, await port.ReadAsync(buffer, next.Token));
        Assert.Equal((byte)'Z', buffer[0]);
    }

    [Fact]
    public async Task A_second_concurrent_read_is_refused()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);

        var first = port.ReadAsync(new byte[1], cancellation.Token).AsTask();
        await Assert.ThrowsAsync<InvalidOperationException>(() => port.ReadAsync(new byte[1], cancellation.Token).AsTask());
        pty.Write("x");

        Assert.Equal(1, await first.WaitAsync(Timeout));
    }

    [Fact]
    public void Bytes_to_read_counts_what_arrived_and_discard_input_drops_it()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));

        pty.Write("stale");
        var counted = Eventually.Holds(() => port.BytesToRead == 5, Timeout);
        port.DiscardInput();

        Assert.True(counted, $"BytesToRead stayed at {port.BytesToRead}");
        Assert.Equal(0, port.BytesToRead);
    }

    [Fact]
    public async Task Dispose_during_a_pending_read_ends_it_with_ObjectDisposedException()
    {
        using var pty = PseudoTerminal.Open();
        var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));
        using var cancellation = new CancellationTokenSource(Timeout);

        var read = port.ReadAsync(new byte[1], cancellation.Token).AsTask();
        await Task.Delay(100);
        await port.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(Timeout));
        Assert.False(port.CanRead);
    }

    [Fact]
    public void A_serial_port_cannot_seek_and_has_no_length()
    {
        using var pty = PseudoTerminal.Open();
        using var port = PosixSerialPort.Open(pty.SlavePath, new SerialPortSettings(9600));

        Assert.False(port.CanSeek);
        Assert.Throws<NotSupportedException>(() => port.Length);
        Assert.Throws<NotSupportedException>(() => port.Seek(0, SeekOrigin.Begin));
    }

    private static async Task<byte[]> ReadExactlyAsync(PosixSerialPort port, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await port.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
