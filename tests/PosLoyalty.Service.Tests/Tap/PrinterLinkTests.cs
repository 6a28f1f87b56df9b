using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

public sealed class PrinterLinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Printer_absent_at_start_then_appearing_gets_everything_once_in_order()
    {
        using var directory = new TempDirectory();
        int port = FakeTcpPrinter.FreePort();
        await using var link = NewLink($"tcp://127.0.0.1:{port}", directory.Path);
        using var stop = new CancellationTokenSource();
        Task writer = link.RunAsync(stop.Token);

        var random = new Random(7);
        byte[] expected = TapStreams.RandomBinary(random, 50_000);
        long position = 0;
        foreach (byte[] piece in TapStreams.Pieces(random, expected))
        {
            position = link.Enqueue(piece);
        }

        Assert.False(link.IsConnected);
        Assert.Equal(expected.Length, position);
        Task written = link.WaitWrittenAsync(position, CancellationToken.None);
        Assert.False(written.IsCompleted);

        await using var printer = new FakeTcpPrinter(port);
        await printer.WaitForBytesAsync(expected.Length, Timeout);
        await written.WaitAsync(Timeout);

        Assert.Equal(expected, printer.Received);
        Assert.Equal(1, printer.ConnectionCount);
        Assert.True(link.IsConnected);
        await Stop(stop, writer);
    }

    [Fact]
    public async Task Spool_file_is_used_when_memory_is_exceeded_and_drained_in_order()
    {
        using var directory = new TempDirectory();
        int port = FakeTcpPrinter.FreePort();
        await using var link = NewLink($"tcp://127.0.0.1:{port}", directory.Path, memoryLimitBytes: 4096);
        using var stop = new CancellationTokenSource();
        Task writer = link.RunAsync(stop.Token);

        byte[] expected = TapStreams.RandomBinary(new Random(3), 300_000);
        for (int offset = 0; offset < expected.Length; offset += 1000)
        {
            link.Enqueue(expected.AsMemory(offset, Math.Min(1000, expected.Length - offset)));
        }

        Assert.True(link.SpooledBytes > 250_000, $"spooled {link.SpooledBytes}");
        Assert.NotNull(link.SpoolPath);
        Assert.True(File.Exists(link.SpoolPath));

        await using var printer = new FakeTcpPrinter(port);
        await printer.WaitForBytesAsync(expected.Length, Timeout);

        Assert.Equal(expected, printer.Received);
        Assert.Equal(0, link.QueuedBytes);
        await Stop(stop, writer);
    }

    [Fact]
    public async Task Automatic_status_back_with_paper_end_sets_paper_out_and_bytes_reach_the_handler_unchanged()
    {
        using var directory = new TempDirectory();
        await using var printer = new FakeTcpPrinter();
        await using var link = NewLink(printer.Device, directory.Path);
        var relayed = new List<byte>();
        link.PrinterBytesReceived += bytes =>
        {
            lock (relayed)
            {
                relayed.AddRange(bytes.Span);
            }
        };
        using var stop = new CancellationTokenSource();
        Task writer = link.RunAsync(stop.Token);
        await link.WaitWrittenAsync(link.Enqueue(new byte[] { 0x1D, (byte)'a', 0xFF }), CancellationToken.None).WaitAsync(Timeout);

        // ASB: header 0xx1xx00b, then byte 3 bits 2–3 = paper end (Epson GS a).
        byte[] asb = [0x10, 0x00, 0x0C, 0x00];
        await printer.SendAsync(asb, Timeout);
        await Eventually.TrueAsync(() => link.PaperOut, Timeout, "paper out after ASB");
        // The status is read before the bytes are relayed to the POS: wait for the relay too, not for a moment.
        await Eventually.TrueAsync(() => { lock (relayed) { return relayed.Count >= asb.Length; } }, Timeout, "the ASB relayed to the POS");

        Assert.True(link.LastStatus.PaperEnd);
        lock (relayed)
        {
            Assert.Equal(asb, relayed);
        }

        await Stop(stop, writer);
    }

    [Fact]
    public async Task Answer_to_DLE_EOT_4_is_read_by_the_paper_sensor_table()
    {
        using var directory = new TempDirectory();
        await using var printer = new FakeTcpPrinter();
        await using var link = NewLink(printer.Device, directory.Path);
        using var stop = new CancellationTokenSource();
        Task writer = link.RunAsync(stop.Token);

        await link.WaitWrittenAsync(link.Enqueue(new byte[] { 0x10, 0x04, 4 }), CancellationToken.None).WaitAsync(Timeout);
        await printer.SendAsync([0x72], Timeout);    // 0x12 | 0x60: paper end
        await Eventually.TrueAsync(() => link.PaperOut, Timeout, "paper out after DLE EOT 4 answer");

        await link.WaitWrittenAsync(link.Enqueue(new byte[] { 0x10, 0x04, 4 }), CancellationToken.None).WaitAsync(Timeout);
        await printer.SendAsync([0x12], Timeout);    // paper present
        await Eventually.TrueAsync(() => !link.PaperOut, Timeout, "paper back after DLE EOT 4 answer");
        await Stop(stop, writer);
    }

    [Fact]
    public async Task Printer_that_goes_away_and_comes_back_gets_later_bytes_on_a_new_connection()
    {
        using var directory = new TempDirectory();
        var first = new FakeTcpPrinter();
        int port = first.Port;
        await using var link = NewLink(first.Device, directory.Path);
        using var stop = new CancellationTokenSource();
        Task writer = link.RunAsync(stop.Token);
        await link.WaitWrittenAsync(link.Enqueue(new byte[] { 1, 2, 3 }), CancellationToken.None).WaitAsync(Timeout);
        await first.WaitForBytesAsync(3, Timeout);
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => !link.IsConnected, Timeout, "link notices the printer closed");

        await using var second = new FakeTcpPrinter(port);
        await link.WaitWrittenAsync(link.Enqueue(new byte[] { 4, 5 }), CancellationToken.None).WaitAsync(Timeout);
        await second.WaitForBytesAsync(2, Timeout);

        Assert.Equal([4, 5], second.Received);
        await Stop(stop, writer);
    }

    [Fact]
    public void Device_string_that_is_not_a_printer_device_is_refused_at_construction()
    {
        using var directory = new TempDirectory();
        Assert.Throws<FormatException>(() => NewLink("printer9100", directory.Path));
    }

    internal static PrinterLink NewLink(string device, string spoolDirectory, long memoryLimitBytes = SpillingByteQueue.DefaultMemoryLimitBytes) => new(
        new PrinterLinkOptions
        {
            Device = device,
            SpoolDirectory = spoolDirectory,
            MemoryLimitBytes = memoryLimitBytes,
            FirstReconnectDelay = TimeSpan.FromMilliseconds(20),
            MaximumReconnectDelay = TimeSpan.FromMilliseconds(200),
            ConnectTimeout = TimeSpan.FromSeconds(2),
        },
        TimeProvider.System,
        NullLogger<PrinterLink>.Instance);

    internal static async Task Stop(CancellationTokenSource stop, Task loop)
    {
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop.WaitAsync(Timeout));
    }
}
