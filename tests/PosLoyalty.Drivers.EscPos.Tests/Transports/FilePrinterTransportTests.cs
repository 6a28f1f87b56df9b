using System.Runtime.InteropServices;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Transports;

public sealed partial class FilePrinterTransportTests : IDisposable
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60); // only catches a hang
    private readonly string _directory = Directory.CreateTempSubdirectory("escpos-transport-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_capture_file_is_created_and_appended_to()
    {
        var path = Path.Combine(_directory, "capture.bin");

        await using (var printer = new EscPosPrinter("file:" + path))
        {
            await printer.WriteAsync(new byte[] { 0x1B, 0x40 });
        }

        await using (var printer = new EscPosPrinter("file:" + path))
        {
            await printer.WriteAsync(new byte[] { 0x41, 0x0A });
        }

        Assert.Equal(new byte[] { 0x1B, 0x40, 0x41, 0x0A }, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_capture_file_is_write_only_so_status_is_unknown()
    {
        await using var printer = new EscPosPrinter("file:" + Path.Combine(_directory, "capture.bin"));

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.Equal(PrinterOnlineState.Unknown, status.State);
        Assert.Contains("one-way", status.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_device_is_an_error_not_a_new_file()
    {
        var path = Path.Combine(_directory, "lp0");

        var error = Assert.Throws<PrinterConnectionException>(() => FilePrinterTransport.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_character_device_is_opened_two_way_and_silence_means_unknown()
    {
        // /dev/null is a character device like /dev/usb/lp0: writable, and reads end at once.
        await using var transport = FilePrinterTransport.Open("/dev/null");
        await using var printer = new EscPosPrinter(transport, shouldDispose: false) { StatusTimeout = TimeSpan.FromMilliseconds(200) };

        await printer.WriteAsync(new byte[] { 0x1B, 0x40 }).WaitAsync(TestTimeout);
        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.True(transport.CanRead);
        Assert.Equal(PrinterOnlineState.Unknown, status.State);
        Assert.Contains("no reply", status.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FIFO_is_opened_write_only_so_our_own_bytes_are_never_read_back()
    {
        var path = Path.Combine(_directory, "printer.fifo");
        Assert.Equal(0, MakeFifo(path, 0x180)); // 0600

        // Opening either end of a FIFO waits for the other end.
        var reader = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0));
        await using var transport = await Task.Run(() => FilePrinterTransport.Open(path)).WaitAsync(TestTimeout);
        await using var readEnd = await reader.WaitAsync(TestTimeout);

        await transport.WriteAsync(new byte[] { 0x10, 0x04, 0x01 });
        var received = new byte[3];
        await readEnd.ReadExactlyAsync(received).AsTask().WaitAsync(TestTimeout);

        Assert.False(transport.CanRead);
        Assert.Equal(new byte[] { 0x10, 0x04, 0x01 }, received);
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, uint mode);
}
