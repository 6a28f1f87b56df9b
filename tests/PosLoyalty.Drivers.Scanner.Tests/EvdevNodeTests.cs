using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace PosLoyalty.Drivers.Scanner.Tests;

/// <summary>
/// <see cref="EvdevKeyboardScanner.Open"/> on a real kernel object: a FIFO stands in for the event node, so the
/// non-blocking read, cancellation and end-of-stream paths run through libc without input hardware.
/// </summary>
public sealed class EvdevNodeTests : IDisposable
{
    // Only catches a hang: on a loaded machine a FIFO round trip may take seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string directory = Directory.CreateTempSubdirectory("posloyalty-evdev-").FullName;
    private readonly string fifo;

    public EvdevNodeTests()
    {
        fifo = Path.Combine(directory, "event-kbd");
        using var mkfifo = Process.Start("mkfifo", fifo);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Cancelling_a_read_while_nobody_scans_ends_it_with_cancellation()
    {
        var (scanner, writer) = await OpenPair();
        await using (scanner)
        await using (writer)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            // A read that ignored the token would end only at the hang deadline, with TimeoutException instead.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scanner.ReadAsync(cts.Token).AsTask().WaitAsync(Patience));
        }
    }

    [Fact]
    public async Task Recorded_events_written_to_the_node_come_back_as_a_scan()
    {
        var (scanner, writer) = await OpenPair();
        await using (scanner)
        await using (writer)
        {
            var read = scanner.ReadAsync().AsTask();
            await Task.Delay(50);
            var recording = new InputEventRecording(EvdevKeyboardScanner.NativeInputEventSize).Type("]E04006381333931").Enter();
            await writer.WriteAsync(recording.ToArray());

            var scan = await read.WaitAsync(Patience);

            Assert.Equal("4006381333931", scan.Code);
            Assert.Equal(Symbology.Ean13, scan.Symbology);
        }
    }

    [Fact]
    public async Task Node_that_goes_away_ends_the_stream()
    {
        var (scanner, writer) = await OpenPair();
        await using (scanner)
        {
            await writer.DisposeAsync();

            await Assert.ThrowsAsync<EndOfStreamException>(async () => await scanner.ReadAsync().AsTask().WaitAsync(Patience));
        }
    }

    [Fact]
    public void Grabbing_something_that_is_not_an_input_device_throws_IOException()
    {
        // /dev/null answers EVIOCGRAB with ENOTTY: the libc call and its errno path run without hardware.
        var error = Assert.Throws<IOException>(() => EvdevKeyboardScanner.Open("/dev/null", grab: true));

        Assert.Contains("EVIOCGRAB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_node_throws_FileNotFoundException()
    {
        Assert.Throws<FileNotFoundException>(() => EvdevKeyboardScanner.Open(Path.Combine(directory, "absent"), grab: false));
    }

    [Fact]
    public async Task Node_at_end_of_file_throws_EndOfStreamException()
    {
        await using var scanner = EvdevKeyboardScanner.Open("/dev/null", grab: false);

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await scanner.ReadAsync());
    }

    private async Task<(EvdevKeyboardScanner Scanner, FileStream Writer)> OpenPair()
    {
        // Opening one end of a FIFO blocks until the other end opens.
        var writer = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0));
        var scanner = EvdevKeyboardScanner.Open(fifo, grab: false, timeProvider: new FakeTimeProvider());
        return (scanner, await writer.WaitAsync(Patience));
    }
}
