using PosLoyalty.Drivers.EscPos.Tests.Encoders;
using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Status;

public sealed class EscPosPrinterStatusTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60); // only catches a hang

    [Fact]
    public async Task Printer_answering_DLE_EOT_4_with_paper_end_bits_reports_paper_end()
    {
        // 0x72 = fixed bits 0x12 | 0x60 (paper end sensor).
        using var link = new ScriptedPrinterStream(n => n == 4 ? [0x72] : [0x12]);
        await using var printer = new EscPosPrinter(link, shouldDispose: false);

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.True(status.PaperEnd);
        Assert.Equal(PrinterOnlineState.Online, status.State);
        Assert.Equal(Hex.Bytes("10 04 01 10 04 02 10 04 04"), link.Written);
    }

    [Fact]
    public async Task Printer_with_cover_open_reports_offline_and_cover_open()
    {
        using var link = new ScriptedPrinterStream(n => n switch { 1 => [0x1A], 2 => [0x16], _ => [0x12] });
        await using var printer = new EscPosPrinter(link, shouldDispose: false);

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.Equal(PrinterOnlineState.Offline, status.State);
        Assert.True(status.CoverOpen);
        Assert.False(status.PaperEnd);
    }

    [Fact]
    public async Task Printer_that_never_answers_is_unknown_after_the_timeout()
    {
        using var link = new ScriptedPrinterStream(_ => null);
        await using var printer = new EscPosPrinter(link, shouldDispose: false) { StatusTimeout = TimeSpan.FromMilliseconds(150) };

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        // It gave up on its own timeout (the reason names it), not on the test's hang deadline.
        Assert.Equal(PrinterOnlineState.Unknown, status.State);
        Assert.Contains("no reply to DLE EOT 1 within 150 ms", status.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_that_fails_while_reading_is_unknown_with_the_error()
    {
        using var link = new ScriptedPrinterStream(_ => [0x12]) { FailReads = true };
        await using var printer = new EscPosPrinter(link, shouldDispose: false);

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.Equal(PrinterOnlineState.Unknown, status.State);
        Assert.Contains("Input/output error", status.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_way_link_is_unknown_without_asking()
    {
        using var link = new ScriptedPrinterStream(_ => [0x12], canRead: false);
        await using var printer = new EscPosPrinter(link, shouldDispose: false);

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.Equal(PrinterOnlineState.Unknown, status.State);
        Assert.Contains("one-way", status.UnknownReason, StringComparison.Ordinal);
        Assert.Empty(link.Written);
    }

    [Fact]
    public async Task Late_reply_to_a_timed_out_query_is_not_taken_as_the_next_answer()
    {
        var late = true;
        using var link = new ScriptedPrinterStream(_ => late ? [0x1A] : [0x12]) { ReplyDelay = TimeSpan.FromMilliseconds(300) };
        await using var printer = new EscPosPrinter(link, shouldDispose: false) { StatusTimeout = TimeSpan.FromMilliseconds(100) };

        var first = await printer.GetStatusAsync().WaitAsync(TestTimeout);
        await Task.Delay(500);
        late = false;
        link.ReplyDelay = TimeSpan.Zero;
        printer.StatusTimeout = TimeSpan.FromSeconds(2);
        var second = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.Equal(PrinterOnlineState.Unknown, first.State);
        Assert.Equal(PrinterOnlineState.Online, second.State);
    }

    [Fact]
    public async Task ASB_and_XON_XOFF_between_replies_are_understood_and_skipped()
    {
        using var link = new ScriptedPrinterStream(n => n == 1 ? [0x13, 0x10, 0x00, 0x03, 0x00, 0x11, 0x12] : [0x12]);
        await using var printer = new EscPosPrinter(link, shouldDispose: false);

        var status = await printer.GetStatusAsync().WaitAsync(TestTimeout);

        Assert.Equal(PrinterOnlineState.Online, status.State);
        Assert.False(status.PaperNearEnd);
        Assert.True(printer.LastAutomaticStatus?.PaperNearEnd);
    }

    [Fact]
    public async Task Written_bytes_reach_the_link_unchanged()
    {
        using var link = new ScriptedPrinterStream(_ => null);
        await using var printer = new EscPosPrinter(link, shouldDispose: false);
        var coupon = new EscPosEncoder().Initialize().Line("Hello").Cut().ToArray();

        await printer.WriteAsync(coupon).WaitAsync(TestTimeout);

        Assert.Equal(coupon, link.Written);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_printer_disposes_its_transport_only_when_it_owns_it(bool shouldDispose)
    {
        var link = new ScriptedPrinterStream(_ => null);
        var printer = new EscPosPrinter(link, shouldDispose);

        await printer.DisposeAsync();

        Assert.Equal(shouldDispose, link.IsDisposed);
        await link.DisposeAsync();
    }
}
