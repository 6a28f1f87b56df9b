using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PosLoyalty.Drivers.Scanner.Tests;

public sealed class SerialScannerTests
{
    private const string Ean13 = "4006381333931";

    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task Scan_split_into_one_byte_reads_is_read_whole()
    {
        await using var scanner = new SerialScanner(new ChunkedStream(ScanFramerTests.Bytes("]E0" + Ean13 + "\r\n"), 1), true, timeProvider: clock);

        var scan = await scanner.ReadAsync();

        Assert.Equal(new Scan(Ean13, Symbology.Ean13, clock.GetUtcNow()), scan);
    }

    [Fact]
    public async Task Two_scans_in_one_read_come_back_one_per_call()
    {
        await using var scanner = new SerialScanner(new ChunkedStream(ScanFramerTests.Bytes(Ean13 + "\r96385074\r"), 4096), true, timeProvider: clock);

        var first = await scanner.ReadAsync();
        var second = await scanner.ReadAsync();

        Assert.Equal(Ean13, first.Code);
        Assert.Equal("96385074", second.Code);
    }

    [Fact]
    public async Task End_of_stream_throws_EndOfStreamException()
    {
        await using var scanner = new SerialScanner(new ChunkedStream(ScanFramerTests.Bytes(Ean13 + "\r" + "123"), 64), true, timeProvider: clock);

        await scanner.ReadAsync();

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await scanner.ReadAsync());
    }

    [Fact]
    public async Task Cancelling_a_read_that_waits_for_the_scanner_throws_OperationCanceledException()
    {
        await using var scanner = new SerialScanner(new SilentStream(), true, timeProvider: clock);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await scanner.ReadAsync(cts.Token));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Disposing_disposes_the_transport_only_when_told_to(bool shouldDispose)
    {
        var transport = new ChunkedStream([], 1);

        new SerialScanner(transport, shouldDispose).Dispose();

        Assert.Equal(shouldDispose, transport.Disposed);
    }

    [Fact]
    public async Task Reading_after_dispose_throws_ObjectDisposedException()
    {
        var scanner = new SerialScanner(new ChunkedStream([], 1), true);
        await scanner.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await scanner.ReadAsync());
    }

    [Fact]
    public async Task Dropped_frames_are_visible_on_the_framer_counters()
    {
        var options = new ScanFramerOptions { MaxFrameLength = 8 };
        await using var scanner = new SerialScanner(new ChunkedStream(ScanFramerTests.Bytes("123456789012\r" + "1234\r"), 3), true, options, clock);

        var scan = await scanner.ReadAsync();

        Assert.Equal("1234", scan.Code);
        Assert.Equal(1, scanner.Framer.OversizeFramesDropped);
    }
}
